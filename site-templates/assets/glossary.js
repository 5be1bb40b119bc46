/*
 * glossary.js — the definitions of the terms a lesson links to the glossary (thuat-ngu.html),
 * shown as a tooltip when the pointer rests on a term or the keyboard focuses it; Escape hides
 * it. The definition is already in the page, hidden, and the link is described by it
 * (aria-describedby), so a screen reader reads it with or without this script; without the
 * script the link still leads to the definition. Plain JavaScript, no dependencies; works
 * from file://. Loaded only on pages that hold such a link.
 */
(function () {
  "use strict";

  var links = document.querySelectorAll("a.thuat-ngu[aria-describedby]");
  if (!links.length) return;
  var open = null;
  var timer = 0;
  var GAP = 6;
  var MARGIN = 8;

  function tipOf(a) {
    return document.getElementById(a.getAttribute("aria-describedby"));
  }

  /* Below the term, inside the window; above it when there is no room below. */
  function place() {
    if (!open) return;
    var r = open.a.getBoundingClientRect();
    var tip = open.tip;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var vh = document.documentElement.clientHeight;
    var left = Math.max(MARGIN, Math.min(r.left, vw - w - MARGIN));
    var top = r.bottom + GAP;
    if (top + h > vh - MARGIN && r.top - GAP - h >= MARGIN) top = r.top - GAP - h;
    tip.style.left = Math.round(left) + "px";
    tip.style.top = Math.round(top) + "px";
  }

  function show(a) {
    clearTimeout(timer);
    if (open && open.a === a) return;
    hide();
    var tip = tipOf(a);
    if (!tip) return;
    tip.hidden = false;
    open = {a: a, tip: tip};
    place();
  }

  function hide() {
    clearTimeout(timer);
    if (!open) return;
    open.tip.hidden = true;
    open = null;
  }

  /* A moment to move the pointer from the term onto the tooltip, which then stays. */
  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  }

  Array.prototype.forEach.call(links, function (a) {
    var tip = tipOf(a);
    if (!tip) return;
    /* A page whose raw HTML was cleaned may have lost the attribute: hidden until asked for. */
    tip.hidden = true;
    a.addEventListener("mouseenter", function () { show(a); });
    a.addEventListener("mouseleave", hideSoon);
    a.addEventListener("focus", function () { show(a); });
    a.addEventListener("blur", function () { if (open && open.a === a) hide(); });
    tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
    tip.addEventListener("mouseleave", hideSoon);
  });

  document.addEventListener("keydown", function (e) {
    if (open && (e.key === "Escape" || e.key === "Esc")) hide();
  });
  window.addEventListener("resize", place);
  window.addEventListener("scroll", place, {passive: true});
})();
