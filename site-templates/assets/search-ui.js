/*
 * search-ui.js — the search box in every page header and the search page (tim-kiem.html).
 * Plain JavaScript, no dependencies, no build step. It only uses the public API of
 * camnang.js (camnang.search, camnang.facets), like a portal's own page would.
 *
 * Safety: the query, titles, headings and labels are only ever set as text (textContent);
 * the one HTML string, the engine's snippet, is rebuilt from its text and <mark> elements.
 */
(function () {
  "use strict";

  var QUICK_LIMIT = 8;
  /* Short enough to feel instant, long enough not to search for every key of a fast typist. */
  var QUICK_DELAY_MS = 150;
  var PAGE_STEP = 20;
  /* Below this, a loading message would only flicker. */
  var LOADING_DELAY_MS = 300;
  var FACETS = [
    {key: "section", label: "Mục"},
    {key: "type", label: "Loại tài liệu"},
    {key: "audience", label: "Dành cho"},
    /* Only sites with legal documents have values for these two, so only they show the menus. */
    {key: "form", label: "Loại văn bản"},
    {key: "status", label: "Tình trạng hiệu lực"}
  ];
  var MSG_LOADING = "Đang tải chỉ mục tìm kiếm…";
  var MSG_NO_ENGINE = "Không tải được công cụ tìm kiếm (tệp camnang.js).";

  /* ---- The engine -------------------------------------------------------------------- */

  var enginePromise = null;

  /*
   * The engine (camnang.js), loaded once. The search page loads it with its own script tag;
   * other pages add that tag when the reader comes to the search box, so readers who never
   * search do not download it. A script tag, not fetch, so that it works from file:// too.
   */
  function engine(src) {
    if (enginePromise) return enginePromise;
    enginePromise = new Promise(function (resolve, reject) {
      function ready() {
        var c = window.camnang;
        if (c && typeof c.search === "function") resolve(c);
        else reject(new Error(MSG_NO_ENGINE));
      }
      if (window.camnang || !src) return ready();
      var s = document.createElement("script");
      s.src = src;
      s.onload = ready;
      s.onerror = function () {
        // Perhaps a network blip: let the next query try again.
        enginePromise = null;
        s.remove();
        reject(new Error(MSG_NO_ENGINE));
      };
      document.head.appendChild(s);
    });
    return enginePromise;
  }

  function search(src, query, options) {
    return engine(src).then(function (c) { return c.search(query, options); });
  }

  function message(err) {
    return err && err.message ? String(err.message) : "Không tìm kiếm được.";
  }

  /* ---- Safe DOM building ------------------------------------------------------------- */

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /* Labels double as phrase ends ("Dành cho người dân"); a menu entry starts with a capital. */
  function capitalized(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /* The query as typed, quoted; a pasted page of text is cut so that messages stay short. */
  function quoted(q) {
    var chars = Array.from(q);
    return "«" + (chars.length > 80 ? chars.slice(0, 80).join("") + "…" : q) + "»";
  }

  /*
   * The snippet as nodes: its text, and <mark> around matched words. The engine escapes it
   * already; rebuilding it anyway means a bug there can never run script here. Parsing into
   * a <template> is inert: no image loads, no handler runs.
   */
  function snippet(html) {
    var t = document.createElement("template");
    t.innerHTML = String(html || "");
    var out = document.createDocumentFragment();
    var mark = null;
    var gap = "";
    (function copy(from) {
      for (var n = from.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1 && n.nodeName === "MARK") {
          // Words marked one by one ("hòa", "giải") read better as one marked phrase.
          if (mark && gap) mark.textContent += gap + n.textContent;
          else out.appendChild(mark = el("mark", null, n.textContent));
          gap = "";
        } else if (n.nodeType === 3) {
          if (mark && !gap && /^[ \u00a0]+$/.test(n.nodeValue)) {
            gap = n.nodeValue;
          } else {
            out.appendChild(document.createTextNode(gap + n.nodeValue));
            mark = null;
            gap = "";
          }
        } else if (n.nodeType === 1) {
          copy(n);
        }
      }
    })(t.content);
    if (gap) out.appendChild(document.createTextNode(gap));
    return out;
  }

  /* ---- The header box: a WAI-ARIA 1.2 combobox with a listbox of instant results --------- */

  function quickSearch(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var src = form.getAttribute("data-engine");
    var idBase = input.id || "tk_o";
    var panel = el("div", "goi-y");
    panel.hidden = true;
    var list = el("ul", "goi-y-danh-sach");
    list.id = idBase + "_goi_y";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Kết quả tìm nhanh");
    var note = el("p", "goi-y-loi-nhan");
    panel.appendChild(list);
    panel.appendChild(note);
    // Announced by screen readers; present (empty) from the start, as live regions must be.
    var live = el("p", "an-chu");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    form.appendChild(panel);
    form.appendChild(live);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var results = [];
    var active = -1;
    var seq = 0;
    var timer = 0;
    var loadingTimer = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function open(show) {
      var hasOptions = results.length > 0;
      list.hidden = !hasOptions;
      panel.hidden = !show || (!hasOptions && !note.textContent);
      input.setAttribute("aria-expanded", show && hasOptions ? "true" : "false");
      if (!show) setActive(-1);
    }

    function isOpen() {
      return input.getAttribute("aria-expanded") === "true";
    }

    function setActive(i) {
      var opts = options();
      if (active >= 0 && opts[active]) {
        opts[active].setAttribute("aria-selected", "false");
        opts[active].classList.remove("dang-chon");
      }
      active = i;
      if (i >= 0 && opts[i]) {
        opts[i].setAttribute("aria-selected", "true");
        opts[i].classList.add("dang-chon");
        input.setAttribute("aria-activedescendant", opts[i].id);
        // Long lists scroll inside the panel; keep the chosen option in view.
        if (opts[i].scrollIntoView) opts[i].scrollIntoView({block: "nearest"});
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function say(visible, spoken) {
      note.textContent = visible;
      live.textContent = spoken == null ? visible : spoken;
    }

    function render(query, found) {
      results = found;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      found.forEach(function (r, i) {
        var li = el("li", "goi-y-muc");
        li.id = list.id + "_" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        // A real link, so that a click (or a middle click) opens the section as links do;
        // out of the tab order, because the arrow keys choose options.
        var a = el("a");
        a.href = r.href || r.url;
        a.tabIndex = -1;
        a.appendChild(el("span", "goi-y-tieu-de", r.title));
        if (r.heading && r.heading !== r.title) a.appendChild(el("span", "goi-y-phan", r.heading));
        li.appendChild(a);
        list.appendChild(li);
      });
      if (found.length) {
        say("", found.length + " kết quả gợi ý. Dùng phím mũi tên lên, xuống để chọn; Enter để xem tất cả kết quả.");
      } else {
        say("Không tìm thấy kết quả cho " + quoted(query) + ". Nhấn Enter để tìm trên trang kết quả.");
      }
      // A reader who has left the box meanwhile does not want a list popping up.
      open(document.activeElement === input);
    }

    function run() {
      var query = input.value.trim();
      var mine = ++seq;
      clearTimeout(loadingTimer);
      if (!query) {
        results = [];
        list.textContent = "";
        say("", "");
        open(false);
        return;
      }
      loadingTimer = setTimeout(function () {
        if (mine === seq) {
          say(MSG_LOADING);
          open(true);
        }
      }, LOADING_DELAY_MS);
      search(src, query, {limit: QUICK_LIMIT, prefix: true}).then(function (found) {
        if (mine !== seq) return;
        clearTimeout(loadingTimer);
        render(query, Array.isArray(found) ? found : []);
      }, function (err) {
        if (mine !== seq) return;
        clearTimeout(loadingTimer);
        results = [];
        list.textContent = "";
        say(message(err));
        open(true);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      setActive(-1);
      timer = setTimeout(run, QUICK_DELAY_MS);
    });

    // Start loading the engine as soon as the reader shows intent, not only on the first key.
    input.addEventListener("focus", function () {
      if (src) engine(src).catch(function () {});
    });

    input.addEventListener("click", function () {
      if (results.length && !isOpen()) open(true);
    });

    input.addEventListener("keydown", function (e) {
      var n = results.length;
      switch (e.key) {
        case "ArrowDown":
        case "Down":
          if (!n) return;
          e.preventDefault();
          if (!isOpen()) {
            open(true);
            setActive(e.altKey ? -1 : 0);
          } else if (!e.altKey) {
            setActive(active + 1 >= n ? 0 : active + 1);
          }
          return;
        case "ArrowUp":
        case "Up":
          if (!n) return;
          e.preventDefault();
          if (!isOpen()) open(true);
          setActive(active <= 0 ? n - 1 : active - 1);
          return;
        case "Enter":
          // With an option chosen, open it; otherwise the form goes to the search page.
          if (isOpen() && active >= 0) {
            e.preventDefault();
            var a = options()[active].querySelector("a");
            open(false);
            a.click();
          }
          return;
        case "Escape":
        case "Esc":
          if (!panel.hidden) {
            e.preventDefault();
            open(false);
          } else if (input.value) {
            e.preventDefault();
            input.value = "";
            run();
          }
          return;
        case "ArrowLeft":
        case "ArrowRight":
        case "Home":
        case "End":
          // The caret moves in the text again, so no option stays chosen.
          setActive(-1);
          return;
        default:
      }
    });

    // Clicking an option must not take focus from the box first, or the list would close
    // before the click reaches the link.
    panel.addEventListener("mousedown", function (e) {
      e.preventDefault();
    });

    form.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !form.contains(e.relatedTarget)) {
        open(false);
      }
    });

    document.addEventListener("mousedown", function (e) {
      if (!form.contains(e.target)) {
        open(false);
      }
    });

    form.addEventListener("submit", function (e) {
      // Nothing to look for: stay on the page rather than open an empty search page.
      if (!input.value.trim()) {
        e.preventDefault();
        input.focus();
        return;
      }
      clearTimeout(timer);
      ++seq;
      open(false);
    });
  }

  /* ---- The search page --------------------------------------------------------------- */

  function searchPage(root) {
    var form = root.querySelector("form");
    var input = document.getElementById("tk_q");
    var status = document.getElementById("tk_trang_thai");
    var hints = document.getElementById("tk_goi_y_sua");
    var list = document.getElementById("tk_ket_qua");
    var more = document.getElementById("tk_xem_them");
    var filterBox = document.getElementById("tk_bo_loc");
    var all = document.getElementById("tk_tat_ca");
    if (!form || !input || !status || !list) return;

    var params = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (f) {
      var v = params.get(f.key);
      if (v) filters[f.key] = v;
    });
    var labels = {};
    var limit = PAGE_STEP;
    var seq = 0;
    var baseTitle = document.title;
    input.value = params.get("q") || "";

    function activeFilters() {
      var out = {};
      Object.keys(filters).forEach(function (k) {
        if (filters[k]) out[k] = filters[k];
      });
      return out;
    }

    function hasFilters() {
      return Object.keys(activeFilters()).length > 0;
    }

    /* The address holds the query and filters, so that a list of results can be linked to. */
    function remember(query) {
      var p = new URLSearchParams();
      if (query) p.set("q", query);
      var f = activeFilters();
      FACETS.forEach(function (x) {
        if (f[x.key]) p.set(x.key, f[x.key]);
      });
      var qs = p.toString();
      try {
        history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
      } catch (e) {
        // Some browsers refuse to rewrite file:// addresses; the results still show.
      }
      document.title = query ? quoted(query) + " – " + baseTitle : baseTitle;
    }

    function label(key, value) {
      return (labels[key] && labels[key][value]) || value;
    }

    /* Where a result lives: its section and kind of document, each named once; for a legal
     * document also its form and whether it is still in force. */
    function facts(r) {
      var parts = [];
      ["section", "type", "form", "status"].forEach(function (key) {
        var v = r[key] ? label(key, r[key]) : "";
        if (v && parts.indexOf(v) < 0) parts.push(v);
      });
      return parts.join(" · ");
    }

    function showHints() {
      hints.textContent = "";
      hints.appendChild(el("p", null, "Gợi ý:"));
      var ul = el("ul");
      ul.appendChild(el("li", null, "Kiểm tra lại chính tả."));
      ul.appendChild(el("li", null, "Dùng ít từ hơn, hoặc từ khác cùng nghĩa."));
      ul.appendChild(el("li", null, "Thử gõ không dấu, ví dụ: hoa giai."));
      if (hasFilters()) {
        var li = el("li", null, "Bỏ bớt bộ lọc. ");
        var b = el("button", "bo-loc-xoa", "Bỏ mọi bộ lọc");
        b.type = "button";
        b.addEventListener("click", clearFilters);
        li.appendChild(b);
        ul.appendChild(li);
      }
      hints.appendChild(ul);
      hints.hidden = false;
    }

    function render(query, found, focusFrom) {
      list.textContent = "";
      found.forEach(function (r, i) {
        var li = el("li", "ket-qua-muc");
        var h = el("h2", "ket-qua-tieu-de");
        var a = el("a");
        a.href = r.href || r.url;
        a.appendChild(el("span", null, r.title));
        if (r.heading && r.heading !== r.title) a.appendChild(el("span", "ket-qua-phan", r.heading));
        h.appendChild(a);
        li.appendChild(h);
        if (r.snippet) {
          var p = el("p", "ket-qua-trich");
          p.appendChild(snippet(r.snippet));
          li.appendChild(p);
        }
        var f = facts(r);
        if (f) li.appendChild(el("p", "phu", f));
        list.appendChild(li);
        if (i === focusFrom) a.setAttribute("data-focus", "");
      });
      list.hidden = found.length === 0;
      more.hidden = found.length < limit;
      if (found.length) {
        hints.hidden = true;
        status.textContent = (found.length < limit ? "Có " + found.length + " kết quả cho " : "Hiện " + found.length
            + " kết quả đầu tiên cho ") + quoted(query) + (hasFilters() ? " (đã lọc)." : ".");
        all.hidden = true;
      } else {
        status.textContent = "Không tìm thấy kết quả cho " + quoted(query) + (hasFilters() ? " với bộ lọc đã chọn." : ".");
        showHints();
        all.hidden = false;
      }
      // After "Xem thêm", continue from the first new result rather than the top.
      var next = list.querySelector("[data-focus]");
      if (next) {
        next.removeAttribute("data-focus");
        next.focus();
      }
    }

    function run(focusFrom) {
      // The menus are the truth once built: the form may be sent without a change event.
      Array.prototype.forEach.call(filterBox.querySelectorAll("select"), function (s) {
        filters[s.name] = s.value;
      });
      var query = input.value.trim();
      var mine = ++seq;
      remember(query);
      status.classList.remove("loi");
      if (!query) {
        list.textContent = "";
        list.hidden = true;
        more.hidden = true;
        hints.hidden = true;
        status.textContent = "";
        all.hidden = false;
        return;
      }
      var loading = setTimeout(function () {
        if (mine === seq) status.textContent = MSG_LOADING;
      }, LOADING_DELAY_MS);
      search(null, query, {limit: limit, filters: activeFilters()}).then(function (found) {
        clearTimeout(loading);
        if (mine === seq) render(query, Array.isArray(found) ? found : [], focusFrom);
      }, function (err) {
        clearTimeout(loading);
        if (mine !== seq) return;
        list.textContent = "";
        list.hidden = true;
        more.hidden = true;
        hints.hidden = true;
        status.textContent = message(err) + " Bạn vẫn có thể chọn trang trong danh sách dưới đây.";
        status.classList.add("loi");
        all.hidden = false;
      });
    }

    function clearFilters() {
      filters = {};
      Array.prototype.forEach.call(filterBox.querySelectorAll("select"), function (s) { s.value = ""; });
      limit = PAGE_STEP;
      run();
      input.focus();
    }

    /* One <select> per facet, named like the address parameters so the form submits them too. */
    function buildFilters(facets) {
      filterBox.textContent = "";
      var any = false;
      FACETS.forEach(function (f) {
        // A value of "" (pages outside any section) cannot be chosen: "" means every value.
        var values = ((facets && facets[f.key]) || []).filter(function (x) { return x && x.value; });
        labels[f.key] = {};
        values.forEach(function (x) { labels[f.key][x.value] = x.label; });
        var current = filters[f.key];
        if (!values.length && !current) return;
        any = true;
        var id = "tk_loc_" + f.key;
        var wrap = el("div", "bo-loc-o");
        var lab = el("label", null, f.label);
        lab.htmlFor = id;
        var sel = el("select");
        sel.id = id;
        sel.name = f.key;
        sel.appendChild(new Option("Tất cả", ""));
        values.forEach(function (x) { sel.appendChild(new Option(capitalized(x.label || x.value), x.value)); });
        // A filter from a link may name a value this site no longer has; keep it visible.
        if (current && !labels[f.key][current]) sel.appendChild(new Option(current, current));
        sel.value = current || "";
        sel.addEventListener("change", function () {
          limit = PAGE_STEP;
          run();
        });
        wrap.appendChild(lab);
        wrap.appendChild(sel);
        filterBox.appendChild(wrap);
      });
      filterBox.hidden = !any;
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      limit = PAGE_STEP;
      run();
    });

    more.addEventListener("click", function () {
      var from = list.children.length;
      limit += PAGE_STEP;
      run(from);
    });

    engine(null).then(function (c) {
      return typeof c.facets === "function" ? c.facets() : null;
    }).then(buildFilters, function () {
      // Without facets the page still searches; run() reports a missing engine.
    });
    run();
  }

  var quick = document.querySelector("form.tim-nhanh");
  if (quick) quickSearch(quick);
  var page = document.getElementById("tk_trang");
  if (page) searchPage(page);
})();
