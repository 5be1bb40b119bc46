/* camnang: progress in a course, kept in this browser only (no account, nothing sent anywhere).
   Loaded on a course's pages (its index, its modules, its lessons), which say on <body>:
     data-page   this page's output path from the site root (khoa-hoc/hoc-phan-1/bai-1.html)
     data-root   the site root relative to this page (../../)
     data-course the output path of the course index (khoa-hoc/index.html)
   One localStorage entry per course, "camnang-hoc:" + data-course, the same from every page and
   under file://: {"v":1,"read":{"<lesson>":"2026-11-26"},"quiz":{"<lesson>#quiz-N":{"right":3,"total":4}},
   "last":"<lesson>"}. The quiz script writes "quiz"; this one reads it, and writes "read" and "last".
   Every write reads the entry again first, so the two scripts never undo each other. */
(function () {
  "use strict";
  var body = document.body;
  var course = body && body.getAttribute("data-course");
  if (!course) {
    return;
  }
  var page = body.getAttribute("data-page") || "";
  var root = body.getAttribute("data-root") || "./";
  var KEY = "camnang-hoc:" + course;

  function plain(x) {
    return x && typeof x === "object" && !Array.isArray(x) ? x : {};
  }

  /* The stored progress, or an empty one (nothing stored, storage refused, or an entry we cannot read). */
  function load() {
    var d = null;
    try {
      d = JSON.parse(window.localStorage.getItem(KEY) || "null");
    } catch (e) {
      d = null;
    }
    d = plain(d);
    return { v: 1, read: plain(d.read), quiz: plain(d.quiz), last: typeof d.last === "string" ? d.last : "" };
  }

  /* Applies a change to the stored progress; false when the browser keeps nothing (private mode, full, disabled). */
  function update(change) {
    var d = load();
    change(d);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(d));
      return true;
    } catch (e) {
      return false;
    }
  }

  function clearAll() {
    try {
      window.localStorage.removeItem(KEY);
      return true;
    } catch (e) {
      return false;
    }
  }

  function today() {
    var t = new Date();
    return t.getFullYear() + "-" + pad(t.getMonth() + 1) + "-" + pad(t.getDate());
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* 2026-11-26 → 26/11/2026, as dates are written elsewhere on the site. */
  function vnDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }

  function count(n) {
    return typeof n === "number" && isFinite(n) && n >= 0 ? Math.floor(n) : 0;
  }

  /* The quiz score of the lessons given: right and total over every quiz block they hold. */
  function score(d, lessons) {
    var right = 0;
    var total = 0;
    Object.keys(d.quiz).forEach(function (k) {
      var hash = k.indexOf("#");
      if (hash > 0 && lessons.indexOf(k.substring(0, hash)) >= 0) {
        var q = plain(d.quiz[k]);
        right += count(q.right);
        total += count(q.total);
      }
    });
    return { right: Math.min(right, total), total: total };
  }

  /* ---- A lesson: mark it read, by hand or when its end has been in view for a moment. ---- */
  function lessonPage() {
    var end = document.querySelector("[data-lesson-end]");
    if (!end) {
      return;
    }
    var button = end.querySelector(".nut-da-hoc");
    var status = end.querySelector(".trang-thai-bai");
    var chosen = false;
    var stored = update(function (d) {
      d.last = page;
    });

    function show() {
      var when = load().read[page];
      button.setAttribute("aria-pressed", when ? "true" : "false");
      status.textContent = !stored ? "Trình duyệt này không cho lưu tiến độ học (có thể đang ở chế độ ẩn danh)."
        : when ? "✓ Bạn đã học bài này" + (vnDate(when) ? " (ngày " + vnDate(when) + ")." : ".") : "";
    }

    function mark(read) {
      stored = update(function (d) {
        if (read) {
          d.read[page] = d.read[page] || today();
        } else {
          delete d.read[page];
        }
        d.last = page;
      });
      show();
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      chosen = true;
      mark(button.getAttribute("aria-pressed") !== "true");
    });
    show();

    if ("IntersectionObserver" in window) {
      var timer = null;
      var observer = new IntersectionObserver(function (entries) {
        var seen = entries.some(function (e) { return e.isIntersecting; });
        if (!seen) {
          window.clearTimeout(timer);
          timer = null;
          return;
        }
        if (chosen || load().read[page] || timer) {
          return;
        }
        // A moment at the end, so that a lesson scrolled through in a hurry is not taken as read.
        timer = window.setTimeout(function () {
          timer = null;
          if (!chosen && !load().read[page]) {
            mark(true);
          }
          observer.disconnect();
        }, 1500);
      });
      observer.observe(end);
    }
  }

  /* ---- The course page and the module pages: lessons read, scores, where to go on, clearing. ---- */
  function lists() {
    var d = load();
    var lists = document.querySelectorAll(".ds-bai-hoc");
    for (var i = 0; i < lists.length; i++) {
      var items = lists[i].querySelectorAll("li[data-lesson]");
      var paths = [];
      var read = 0;
      for (var j = 0; j < items.length; j++) {
        var li = items[j];
        var path = li.getAttribute("data-lesson");
        paths.push(path);
        var done = Boolean(d.read[path]);
        read += done ? 1 : 0;
        li.classList.toggle("bai-da-hoc", done);
        var mark = li.querySelector(".da-hoc");
        if (mark) {
          mark.hidden = !done;
        }
        var s = score(d, [path]);
        var own = li.querySelector(".diem-bai");
        if (own) {
          own.hidden = s.total === 0;
          own.textContent = s.total ? " · Ôn tập: " + s.right + "/" + s.total + " câu đúng" : "";
        }
      }
      var progress = lists[i].parentNode.querySelector(".tien-do-hoc-phan");
      if (progress) {
        var all = score(d, paths);
        progress.textContent = "Tiến độ: " + read + "/" + items.length + " bài đã học"
          + (all.total ? " · Câu hỏi ôn tập: " + all.right + "/" + all.total + " câu đúng" : "");
        progress.hidden = false;
      }
    }
    var go = document.querySelector(".tiep-tuc");
    if (go) {
      var at = d.last ? document.querySelector('.ds-bai-hoc li[data-lesson="' + d.last.replace(/["\\]/g, "") + '"] a') : null;
      var link = go.querySelector("a");
      if (at) {
        link.setAttribute("href", at.getAttribute("href"));
        go.querySelector(".tiep-tuc-bai").textContent = at.textContent;
      }
      // Before any lesson was opened there is nowhere to go on from: the path itself says where to begin.
      go.hidden = !at;
    }
  }

  function clearing() {
    var box = document.querySelector(".xoa-tien-do");
    if (!box) {
      return;
    }
    var button = box.querySelector(".nut-xoa-tien-do");
    var said = box.querySelector(".xoa-thong-bao");
    box.hidden = false;
    button.addEventListener("click", function () {
      if (!window.confirm("Xóa tiến độ học của khóa học này trên máy này (bài đã học, điểm câu hỏi ôn tập)? Không thể hoàn tác.")) {
        return;
      }
      said.textContent = clearAll() ? "Đã xóa tiến độ học của bạn." : "Không xóa được: trình duyệt không cho truy cập bộ nhớ.";
      lists();
    });
  }

  lessonPage();
  lists();
  clearing();
  // Another tab answered a quiz or finished a lesson; or this page came back from the browser's history.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY || e.key === null) {
      lists();
    }
  });
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) {
      lists();
    }
  });
}());
