/*
 * Registers camnang's service worker (sw.js at the site's root) on pages of a course,
 * so that the course can be read offline after a first visit; over http(s) only (a
 * folder opened from disk needs none). When a newer build takes over while a page is
 * open, a banner says so: an open page is never left stale without a word.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) { return; }
  var root = document.body.getAttribute("data-root") || "";
  var hadController = !!navigator.serviceWorker.controller;

  function banner() {
    if (document.getElementById("ban-cap-nhat")) { return; }
    var p = document.createElement("p");
    p.id = "ban-cap-nhat";
    p.className = "ban-cap-nhat";
    p.setAttribute("role", "status");
    p.appendChild(document.createTextNode("Đã có bản cập nhật của trang. "));
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = "Tải lại trang";
    b.addEventListener("click", function () { location.reload(); });
    p.appendChild(b);
    document.body.insertBefore(p, document.body.firstChild);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // The first worker taking over a fresh visit is no update; a later one is.
    if (hadController) { banner(); }
    hadController = true;
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + "sw.js").then(function (reg) {
      window.camnangOffline = "registered";
      return navigator.serviceWorker.ready;
    }).then(function () {
      window.camnangOffline = "ready";
    }).catch(function () {
      window.camnangOffline = "failed";
    });
  });
})();
