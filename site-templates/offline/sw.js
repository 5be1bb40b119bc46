/*
 * camnang's service worker: keeps the course readable offline after a first visit.
 * Written by the build into the site's root folder with this build's version and the
 * files to keep (the lines below marked CAMNANG); staff need not edit it.
 *
 * Pages: network first, the kept copy when there is no network. Files whose name
 * carries a content hash (assets, search shards): the kept copy first, they never
 * change. A new build changes VERSION: the browser installs this worker again, which
 * keeps the new files, then drops the old ones; open pages are told (offline.js).
 */
"use strict";
var VERSION = "CAMNANG_VERSION";
var FILES = CAMNANG_FILES;
var CACHE = "camnang-" + VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One by one: a single missing file must not leave the whole course uncached.
    return Promise.all(FILES.map(function (f) {
      return cache.add(new Request(f, {cache: "reload"})).catch(function () { return null; });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("camnang-") === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "camnang-version" && event.ports && event.ports[0]) {
    event.ports[0].postMessage({version: VERSION});
  }
});

function immutable(url) {
  return /\/assets\/[^/]+\.[0-9a-f]{10}\.[a-z0-9]+$/.test(url.pathname) ||
    /\/search\/[0-9a-f]{12}\//.test(url.pathname);
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET") { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (immutable(url)) {
    event.respondWith(caches.match(req).then(function (hit) {
      return hit || fetch(req).then(function (res) {
        if (res.ok) {
          var copy = res.clone();
          caches.open(CACHE).then(function (c) { c.put(req, copy); });
        }
        return res;
      });
    }));
    return;
  }
  event.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req, {ignoreSearch: true}).then(function (hit) {
      if (hit) { return hit; }
      if (req.mode === "navigate") {
        return new Response("<!DOCTYPE html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
          "<title>Không có mạng</title><p>Không có mạng, và trang này chưa được lưu để đọc ngoại tuyến. " +
          "Các bài của khóa học đã mở một lần thì đọc được khi không có mạng.</p>",
          {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}});
      }
      return Response.error();
    });
  }));
});
