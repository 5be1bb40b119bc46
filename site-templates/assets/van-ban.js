/*
 * van-ban.js — the table of legal documents (van-ban-phap-luat/…): column headers that sort,
 * and a filter box and selects that hide rows. Plain JavaScript, no dependencies, no build
 * step; without it the table is still all there, newest first.
 *
 * A cell sorts by its data-sort attribute when it has one (dates as ISO, numbers by year
 * then number), else by its text; empty cells stay last whichever the direction.
 */
(function () {
  "use strict";

  var table = document.querySelector("table.bang-van-ban");
  if (!table || !table.tHead || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var form = document.getElementById("vb_loc");
  var box = document.getElementById("vb_tu");
  var byForm = document.getElementById("vb_loai");
  var byStatus = document.getElementById("vb_tinh_trang");
  var count = document.getElementById("vb_dem");
  var none = document.getElementById("vb_khong_co");
  var collator = window.Intl && Intl.Collator ? new Intl.Collator("vi", {numeric: true, sensitivity: "base"}) : null;

  /* Folded like the search box: no diacritics, đ → d, so "nd-cp" finds "NĐ-CP". */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function sortKey(cell) {
    var k = cell.getAttribute("data-sort");
    return (k === null ? cell.textContent : k).trim();
  }

  function compare(a, b) {
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  rows.forEach(function (r, i) {
    r.vbIndex = i;
    r.vbText = fold(r.textContent.replace(/\s+/g, " "));
  });

  function sortBy(col, dir) {
    heads.forEach(function (th) { th.removeAttribute("aria-sort"); });
    heads[col].setAttribute("aria-sort", dir);
    var keyed = rows.map(function (r) { return {row: r, key: sortKey(r.cells[col])}; });
    keyed.sort(function (a, b) {
      if (!a.key || !b.key) {
        if (a.key !== b.key) return a.key ? -1 : 1;
        return a.row.vbIndex - b.row.vbIndex;
      }
      var c = compare(a.key, b.key);
      return (dir === "descending" ? -c : c) || a.row.vbIndex - b.row.vbIndex;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (k) { frag.appendChild(k.row); });
    body.appendChild(frag);
    say("Đã xếp theo «" + heads[col].textContent.trim() + "», "
        + (dir === "ascending" ? "tăng dần" : "giảm dần") + ". " + shownText());
  }

  heads.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "vb-xep";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(col, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
    });
  });

  var shown = rows.length;

  function shownText() {
    return shown === rows.length ? "Hiện tất cả " + rows.length + " văn bản."
        : "Hiện " + shown + " trong " + rows.length + " văn bản.";
  }

  function say(text) {
    if (count) count.textContent = text;
  }

  function filter() {
    var words = fold(box ? box.value : "").split(/\s+/).filter(Boolean);
    var type = byForm ? byForm.value : "";
    var status = byStatus ? byStatus.value : "";
    shown = 0;
    rows.forEach(function (r) {
      var ok = (!type || r.getAttribute("data-loai") === type)
          && (!status || r.getAttribute("data-tinh-trang") === status)
          && words.every(function (w) { return r.vbText.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    if (none) none.hidden = shown > 0;
    say(shown === 0 ? "Không có văn bản nào phù hợp." : shownText());
  }

  if (form) {
    form.hidden = false;
    form.addEventListener("input", filter);
    form.addEventListener("change", filter);
    form.addEventListener("submit", function (e) { e.preventDefault(); filter(); });
  }
})();
