/*
 * Quizzes of a lesson (```quiz blocks): a "Kiểm tra" button under each question, the
 * verdict in the question's live region, the answer and its explanation opened, and the
 * score of each quiz, kept on this device only (localStorage), where the course page reads
 * it. Without this script the questions still show, with their answers in closed <details>.
 * Plain script, no build step: works from file:// as well as from a web server.
 */
(function () {
  "use strict";

  var quizzes = document.querySelectorAll("section.quiz");
  if (!quizzes.length) {
    return;
  }
  var body = document.body;
  // The page's output path (data-page) names its quizzes; the course's (data-course) names the
  // progress record, so one record holds a whole course; a page outside courses keeps its own.
  var page = body.getAttribute("data-page") || location.pathname;
  var key = "camnang-hoc:" + (body.getAttribute("data-course") || page);

  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(key) || "null");
      if (v && v.v === 1) {
        return v;
      }
    } catch (e) {
      // Private browsing, storage switched off, or a record damaged by hand: start afresh.
    }
    return {v: 1, read: {}, quiz: {}};
  }

  function store(id, right, total) {
    try {
      // Read again before writing: the course's other scripts write to the same record.
      var v = load();
      v.quiz = v.quiz || {};
      v.quiz[page + "#" + id] = {right: right, total: total};
      localStorage.setItem(key, JSON.stringify(v));
    } catch (e) {
      // Nothing is kept where storage is refused; the quiz still works.
    }
  }

  function sameSet(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    var sa = a.slice().sort();
    var sb = b.slice().sort();
    for (var i = 0; i < sa.length; i++) {
      if (sa[i] !== sb[i]) {
        return false;
      }
    }
    return true;
  }

  function setup(quiz) {
    var id = quiz.id;
    var questions = quiz.querySelectorAll("li.quiz-q");
    var total = questions.length;
    // First answers only: after the answer has been shown, a second try proves nothing.
    var first = {};
    var answered = 0;
    var right = 0;

    var score = document.createElement("p");
    score.className = "quiz-score";
    score.setAttribute("aria-live", "polite");
    var before = load().quiz;
    var last = before && before[page + "#" + id];
    if (last && typeof last.right === "number" && typeof last.total === "number") {
      score.textContent = "Lần trước bạn trả lời đúng " + last.right + "/" + last.total + " câu.";
    }
    quiz.appendChild(score);

    function check(li) {
      var feedback = li.querySelector(".quiz-feedback");
      var chosen = [];
      var inputs = li.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].checked) {
          chosen.push(inputs[i].value);
        }
      }
      if (!chosen.length) {
        feedback.textContent = li.getAttribute("data-kind") === "multiple"
          ? "Bạn chưa chọn ý nào: hãy chọn tất cả các ý đúng rồi bấm Kiểm tra."
          : "Bạn chưa chọn câu trả lời nào.";
        li.removeAttribute("data-result");
        return;
      }
      var ok = sameSet(chosen, li.getAttribute("data-answer").split(","));
      li.setAttribute("data-result", ok ? "right" : "wrong");
      feedback.textContent = ok ? "Đúng rồi!" : "Chưa đúng. Xem đáp án và lời giải thích bên dưới.";
      var details = li.querySelector("details.quiz-answer");
      if (details) {
        details.open = true;
      }
      if (!Object.prototype.hasOwnProperty.call(first, li.id)) {
        first[li.id] = ok;
        answered++;
        if (ok) {
          right++;
        }
        score.textContent = "Bạn trả lời đúng " + right + "/" + total + " câu."
          + (answered < total ? " Còn " + (total - answered) + " câu chưa trả lời." : "");
        store(id, right, total);
      }
    }

    for (var q = 0; q < questions.length; q++) {
      (function (li) {
        var feedback = li.querySelector(".quiz-feedback");
        var fieldset = li.querySelector("fieldset");
        if (!feedback || !fieldset) {
          return;
        }
        feedback.id = feedback.id || li.id + "-feedback";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "quiz-check";
        button.textContent = "Kiểm tra";
        // The button keeps the focus after a check: the verdict is read out from the live region.
        button.setAttribute("aria-describedby", feedback.id);
        button.addEventListener("click", function () {
          check(li);
        });
        fieldset.parentNode.insertBefore(button, fieldset.nextSibling);
      })(questions[q]);
    }
  }

  for (var i = 0; i < quizzes.length; i++) {
    setup(quizzes[i]);
  }

  // The stylesheet prints closed answers in full through ::details-content; a browser without
  // it gets them opened for printing, and closed again after.
  if (window.CSS && CSS.supports && !CSS.supports("selector(::details-content)")) {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details.quiz-answer:not([open])");
      for (var j = 0; j < closed.length; j++) {
        closed[j].open = true;
        opened.push(closed[j]);
      }
    });
    window.addEventListener("afterprint", function () {
      while (opened.length) {
        opened.pop().open = false;
      }
    });
  }
})();
