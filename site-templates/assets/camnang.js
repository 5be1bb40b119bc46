/*
 * camnang.js — the browser side of camnang's search. One script, no dependencies, no build step.
 *
 *   camnang.analyze(text, {form: "exact" | "folded" | "bigram"})
 *     → [{text, position, start, end, type}]  (type "word", "docno" or "bigram")
 *
 * The analyzer is the twin of the Java one (camnang.search.VietnameseAnalyzer): the same
 * string gives the same tokens, positions and offsets in both; a test in headless Chromium
 * compares them.
 */
(function (global) {
  "use strict";

  var TONES = "\u0300\u0301\u0303\u0309\u0323";
  var VOWELS = "aăâeêioôơuưy";
  var LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
  var MARK = /[\p{Mn}\p{Mc}\p{Me}]/u;
  var DIGIT = /\p{Nd}/u;
  var LETTER = /\p{L}/u;
  /* White space: tab, line breaks and the space separators (Zs), as in the Java tokenizer. */
  var SPACE = /[\t\n\v\f\r\p{Zs}]/u;

  function isWordChar(ch) {
    return LETTER_OR_DIGIT.test(ch) || MARK.test(ch);
  }

  function charAtCp(s, i) {
    return String.fromCodePoint(s.codePointAt(i));
  }

  /* What the character at i is: 1 a letter or digit, 2 a mark, 3 anything else. Answers for the
   * basic plane are remembered: tokenizing tests each character, and a text uses few. */
  var CLASS = new Uint8Array(0x10000);
  function classOf(ch) {
    return LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
  }
  function classAt(s, i) {
    var c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDFFF) return classOf(charAtCp(s, i));
    return CLASS[c] || (CLASS[c] = classOf(s.charAt(i)));
  }

  /* The length in UTF-16 units of the character at i. */
  function widthAt(s, i) {
    var c = s.charCodeAt(i);
    if (c < 0xD800 || c > 0xDBFF || i + 1 >= s.length) return 1;
    var d = s.charCodeAt(i + 1);
    return d >= 0xDC00 && d <= 0xDFFF ? 2 : 1;
  }

  function nucleusStart(s) {
    if (s.indexOf("qu") === 0 && s.length > 2) return 2;
    if (s.indexOf("gi") === 0 && s.length > 2 && VOWELS.indexOf(s.charAt(2)) >= 0) return 2;
    var i = 0;
    while (i < s.length && VOWELS.indexOf(s.charAt(i)) < 0) i++;
    return i;
  }

  /* Lower case, NFC, and the old-style tone placement (hòa, khỏe, thủy) in open syllables. */
  function exact(token) {
    var nfd = token.toLowerCase().normalize("NFD");
    var tonePos = -1, tone = "";
    for (var i = 0; i < nfd.length; i++) {
      if (TONES.indexOf(nfd.charAt(i)) >= 0) {
        if (tonePos >= 0) return nfd.normalize("NFC");
        tonePos = i;
        tone = nfd.charAt(i);
      }
    }
    if (tonePos < 0) return nfd.normalize("NFC");
    var base = (nfd.slice(0, tonePos) + nfd.slice(tonePos + 1)).normalize("NFC");
    var start = nucleusStart(base), end = start;
    while (end < base.length && VOWELS.indexOf(base.charAt(end)) >= 0) end++;
    if (end !== base.length || end - start !== 2) return nfd.normalize("NFC");
    var nucleus = base.slice(start, end);
    if (nucleus !== "oa" && nucleus !== "oe" && nucleus !== "uy") return nfd.normalize("NFC");
    return (base.slice(0, start + 1) + tone + base.slice(start + 1)).normalize("NFC");
  }

  /* Lower case without any diacritic; đ → d. */
  function fold(token) {
    var nfd = token.toLowerCase().normalize("NFD");
    var out = "";
    for (var i = 0; i < nfd.length; i++) {
      var c = nfd.charAt(i);
      if (MARK.test(c)) continue;
      out += c === "đ" ? "d" : c;
    }
    return out.normalize("NFC");
  }

  /* The end of a document number starting at i (digits, then groups joined by / or -, at least one / and one letter), else -1. */
  function docnoEnd(s, i) {
    var j = i;
    while (j < s.length && DIGIT.test(s.charAt(j))) j++;
    var slash = false, letter = false, end = -1;
    while (j < s.length && (s.charAt(j) === "/" || s.charAt(j) === "-")) {
      var isSlash = s.charAt(j) === "/";
      var k = j + 1, groupStart = k;
      while (k < s.length && isWordChar(charAtCp(s, k))) {
        var ch = charAtCp(s, k);
        if (LETTER.test(ch)) letter = true;
        k += ch.length;
      }
      if (k === groupStart) break;
      slash = slash || isSlash;
      j = k;
      end = k;
    }
    return slash && letter ? end : -1;
  }

  /* Syllable bigrams of the folded words; never across punctuation, never with document numbers. */
  function bigrams(tokens) {
    var out = [], previous = null, position = -1;
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      if (t.type === "docno") continue;
      if (previous !== null && !t.afterPunctuation) {
        position++;
        out.push({text: previous.text + " " + t.text, position: position, start: previous.start, end: t.end, type: "bigram"});
      }
      previous = t;
    }
    return out;
  }

  /* Texts repeat a few thousand syllables: their forms are remembered (as in Forms.java). */
  var EXACT = new Map(), FOLDED = new Map();
  function remember(memo, form, raw) {
    var v = memo.get(raw);
    if (v === undefined) {
      if (memo.size >= 20000) memo.clear();
      v = form(raw);
      memo.set(raw, v);
    }
    return v;
  }

  function analyze(text, options) {
    var form = options && options.form ? options.form : "exact";
    if (form === "bigram") return bigrams(words(text, true, true));
    return words(text, form !== "exact", false);
  }

  /* The words of a text, exact or folded; marked where punctuation comes before them, for bigrams. */
  function words(text, folded, marked) {
    var tokens = [];
    var pos = 0, position = -1, docEnd = -1, stackNext = false, lastEnd = 0;
    function emit(start, end, type, increment) {
      var raw = text.slice(start, end);
      var afterPunctuation = false;
      for (var i = lastEnd; i < start; i++) {
        if (!SPACE.test(text.charAt(i))) { afterPunctuation = true; break; }
      }
      if (type !== "docno") lastEnd = Math.max(lastEnd, end);
      position += increment;
      var token = {
        text: folded || type === "docno" ? remember(FOLDED, fold, raw) : remember(EXACT, exact, raw),
        position: position, start: start, end: end, type: type
      };
      if (marked) token.afterPunctuation = afterPunctuation;
      tokens.push(token);
    }
    for (;;) {
      for (;;) {
        while (pos < text.length && classAt(text, pos) === 3) pos += widthAt(text, pos);
        if (pos >= text.length) return tokens;
        if (classAt(text, pos) === 1) break;
        /* Marks with no letter before them are no word. */
        while (pos < text.length && classAt(text, pos) === 2) pos += widthAt(text, pos);
      }
      if (docEnd < 0 && DIGIT.test(text.charAt(pos))) {
        var end = docnoEnd(text, pos);
        if (end > 0) {
          emit(pos, end, "docno", 1);
          docEnd = end;
          stackNext = true;
          continue;
        }
      }
      var start = pos;
      while (pos < text.length && classAt(text, pos) !== 3) pos += widthAt(text, pos);
      emit(start, pos, "word", stackNext ? 0 : 1);
      stackNext = false;
      if (docEnd >= 0 && pos >= docEnd) docEnd = -1;
    }
  }


  /* ------------------------------------------------------------------------------------
   * Search. The build writes the Lucene index and, beside it, a copy for the browser
   * (camnang.search.Shards): a manifest, dictionary chunks by key range, postings lists
   * sorted by what they add to a score and cut into growing blocks (after the first, each
   * posting with its level in the block rather than its frequencies), and one fragment per
   * section. A query loads the chunks of its words, the heads of their lists, and the
   * fragments of its results, with script tags, so that it also works from file://.
   * Scores are Lucene's BM25, computed in 32-bit floats as Lucene does; a test checks that
   * the top results and their scores equal those of `camnang search` on the command line.
   * ------------------------------------------------------------------------------------ */

  var VERSION = 8;
  var MAX_TERMS = 32;
  var K1 = Math.fround(1.2), B = Math.fround(0.75);
  var fr = Math.fround;

  /* The site's root: the folder above the one holding this script (assets/ or search/). */
  var root = (function () {
    var s = typeof document !== "undefined" && document.currentScript;
    var src = s && s.src ? s.src : "";
    if (s && s.getAttribute("data-root") !== null) return new URL(s.getAttribute("data-root"), src || location.href).href;
    return src ? src.replace(/[^\/]*\/[^\/]*$/, "") : "";
  })();

  /* -- Loading: each shard is a script that calls camnang.shard(name, ...data). -- */
  var arrived = {}, loaded = {}, loading = {};

  function shard(name) {
    arrived[name] = Array.prototype.slice.call(arguments, 1);
  }

  /* Files are remembered by path: the same name in the folder of a newer build is another file. */
  function load(name, path) {
    if (loaded[path]) return Promise.resolve(loaded[path]);
    if (loading[path]) return loading[path];
    loading[path] = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = root + path;
      el.async = true;
      el.onload = function () {
        el.remove();
        delete loading[path];
        var data = arrived[name];
        delete arrived[name];
        if (data) resolve(loaded[path] = data);
        else reject(new Error("Tệp chỉ mục tìm kiếm " + path + " không đúng định dạng."));
      };
      el.onerror = function () {
        el.remove();
        delete loading[path];
        reject(new Error("Không tải được tệp chỉ mục tìm kiếm " + path + "."));
      };
      document.head.appendChild(el);
    });
    return loading[path];
  }

  /* -- Numbers: variable-length base-45 digits (camnang.search.Digits). -- */
  var DIGIT_VALUE = (function () {
    var v = new Int8Array(128).fill(-1), n = 0;
    for (var c = 35; c <= 126 && n < 90; c++) if (c !== 92) v[c] = n++;
    return v;
  })();

  /* The digit 0, alone: the first character of a block of postings in the order of documents. */
  var ZERO = 35;

  function Reader(s) { this.s = s; this.i = 0; }
  Reader.prototype.more = function () { return this.i < this.s.length; };
  Reader.prototype.next = function () {
    var v = 0, mul = 1;
    for (;;) {
      var d = DIGIT_VALUE[this.s.charCodeAt(this.i++)];
      if (d < 45) return v + d * mul;
      v += (d - 45) * mul;
      mul *= 45;
    }
  };

  function shardPath(dir, kind, n) {
    return "search/" + dir + "/" + kind + "/" + Math.floor(n / 1000) + "/" + (n % 1000) + ".js";
  }

  /* -- BM25 as Lucene computes it (org.apache.lucene.search.similarities.BM25Similarity). -- */
  function byte4ToInt(b) {
    /* SmallFloat.byte4ToInt: 24 exact values, then 3 bits of mantissa. */
    var free = 24;
    if (b < free) return b;
    var i = b - free, bits = i & 7, shift = (i >>> 3) - 1;
    var decoded = shift === -1 ? bits : (bits | 8) * Math.pow(2, shift);
    return Math.min(free + decoded, 2147483647);
  }

  function intToByte4(n) {
    var free = 24;
    if (n < free) return n;
    var i = n - free, numBits = Math.floor(Math.log2(i)) + 1;
    var encoded = numBits < 4 ? i : ((Math.floor(i / Math.pow(2, numBits - 4)) & 7) | ((numBits - 3) << 3));
    return free + encoded;
  }

  var LENGTH = new Float32Array(256);
  for (var li = 0; li < 256; li++) LENGTH[li] = byte4ToInt(li);

  function normInverse(docCount, sumTtf) {
    var cache = new Float32Array(256);
    if (!docCount) return cache;
    var avgdl = fr(sumTtf / docCount);
    for (var i = 0; i < 256; i++) {
      cache[i] = fr(1 / fr(K1 * fr(fr(1 - B) + fr(fr(B * LENGTH[i]) / avgdl))));
    }
    return cache;
  }

  function idf(df, docCount) {
    return fr(Math.log(1 + (docCount - df + 0.5) / (df + 0.5)));
  }

  function bm25(weight, freq, ninv) {
    return fr(weight - fr(weight / fr(1 + fr(freq * ninv))));
  }

  /* -- The index: manifest, dictionary chunks, lists. -- */
  var index = null;

  function open(fresh) {
    if (index && !fresh) return index;
    index = load("manifest", "search/manifest.js" + (fresh ? "?r=" + Date.now() : "")).then(function (args) {
      var m = args[0];
      if (!m || m.v !== VERSION) {
        throw new Error("Chỉ mục tìm kiếm thuộc phiên bản khác của camnang; hãy tải lại trang.");
      }
      m.ninv = {};
      ["exact", "folded", "bigram", "cite"].forEach(function (form) {
        m.ninv[form] = m.stats[form] ? m.stats[form].map(function (s) { return normInverse(s[0], s[1]); }) : [];
      });
      m.chunks = {};
      if (m.docs) {
        m.dict.w.pages = m.dict.w.pages.split("|");
        m.dict.b.pages = m.dict.b.pages.split("|");
        m.dict.c.pages = m.dict.c.pages.split("|");
        /* Which pairs of sections share a file: runs of pairs alike, alternately sharing and not,
         * the first sharing; or six pairs a digit, the first the lowest bit (Shards.pairs). */
        m.paired = new Uint8Array(m.docs >> 1);
        if (typeof m.pairBits === "string") {
          for (var i = 0; i < m.paired.length; i++) m.paired[i] = (DIGIT_VALUE[m.pairBits.charCodeAt((i / 6) | 0)] >> (i % 6)) & 1;
        } else {
          for (var r = new Reader(m.pairs), at = 0, shared = 1; r.more(); shared ^= 1) {
            var run = r.next();
            if (shared) m.paired.fill(1, at, at + run);
            at += run;
          }
        }
      }
      return m;
    });
    index.catch(function () { index = null; });
    return index;
  }

  /* A list's description in a chunk: document frequency per field, then its blocks. */
  function readList(r, inline, at, kind) {
    var df = [r.next(), r.next(), r.next()], n = r.next(), blocks = [];
    for (var b = 0; b < n; b++) {
      var count = r.next(), tuple = readTuple(r), ref = r.next();
      blocks.push({count: count, tuple: tuple, data: ref === 0 ? inline[at.i++] : null, file: ref - 1, kind: kind});
    }
    return {df: df, blocks: blocks};
  }

  function readTuple(r) {
    var t = [0, 0, 0, 0, 0, 0];
    for (var i = 0; i < 3; i++) {
      t[i] = r.next();
      if (t[i] > 0) t[3 + i] = r.next();
    }
    return t;
  }

  function chunk(m, kind, i) {
    var key = kind + i;
    if (!m.chunks[key]) {
      m.chunks[key] = load(key, shardPath(m.dir, kind, i)).then(function (args) {
        var suffixes = args[0], variants = args[1], r = new Reader(args[2]), inline = args[3];
        var at = {i: 0}, v = 0, entries = new Map(), key = "";
        for (var k = 0; k < suffixes.length; k++) {
          /* Each key is stored as what it does not share with the key before it. */
          key = key.slice(0, r.next()) + suffixes[k];
          if (kind === "w") {
            var nv = r.next(), e = {folded: readList(r, inline, at, "p"), exact: new Map()};
            for (var j = 0; j < nv; j++) {
              /* Bit 1: a spelling other than the key; bit 2: the key's own list, not repeated. */
              var flag = r.next(), spelling = flag & 1 ? variants[v++] : key;
              e.exact.set(spelling, flag & 2 ? e.folded : readList(r, inline, at, "p"));
            }
            entries.set(key, e);
          } else {
            entries.set(key, readList(r, inline, at, kind === "c" ? "r" : "q"));
          }
        }
        return {entries: entries};
      });
    }
    return m.chunks[key];
  }

  /* The last index i with list[i] <= key, or -1. */
  function floorIndex(list, key) {
    var lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /* The separators of a directory page: the first key (shortened) of each of its chunks. */
  function page(m, kind, p) {
    var key = kind + "d" + p;
    if (!m.chunks[key]) {
      m.chunks[key] = load(key, shardPath(m.dir, kind + "d", p)).then(function (args) { return args[0].split("|"); });
    }
    return m.chunks[key];
  }

  var PAGE = 64;

  /* The chunk where key would lie, or -1 before the first. */
  function chunkOf(m, kind, key) {
    var p = floorIndex(m.dict[kind].pages, key);
    if (p < 0) return Promise.resolve(-1);
    return page(m, kind, p).then(function (seps) { return p * PAGE + floorIndex(seps, key); });
  }

  function separator(m, kind, i) {
    return page(m, kind, Math.floor(i / PAGE)).then(function (seps) { return seps[i % PAGE]; });
  }

  function lookup(m, kind, key) {
    if (!m.dict[kind] || !m.dict[kind].chunks) return Promise.resolve(null);
    return chunkOf(m, kind, key).then(function (i) {
      if (i < 0) return null;
      return chunk(m, kind, i).then(function (c) { return c.entries.get(key) || null; });
    });
  }

  /* Keys of the word dictionary that start with a prefix, with their folded lists. */
  function completions(m, p) {
    var out = [], end = p + "\uffff";
    function collect(c) {
      c.entries.forEach(function (e, k) {
        if (k.length > p.length && k.lastIndexOf(p, 0) === 0) {
          var df = e.folded.df[0] + e.folded.df[1] + e.folded.df[2];
          if (df > 0) out.push({key: k, df: df, list: e.folded});
        }
      });
    }
    function from(i) {
      return chunk(m, "w", i).then(collect).then(function () {
        if (i + 1 >= m.dict.w.chunks) return out;
        return separator(m, "w", i + 1).then(function (sep) { return sep < end ? from(i + 1) : out; });
      });
    }
    return chunkOf(m, "w", p).then(function (i) { return from(Math.max(0, i)); });
  }

  /* -- A query: its clauses grouped by list, as camnang.search.Search builds Lucene's. -- */
  /* The distinct terms of a query in one form, each with whether it is free: found before
   * `cited`, where the document that a citation names begins; a document number typed whole is
   * matched whole, without its parts (as unique in Search.java). */
  function unique(tokens, cited) {
    var seen = new Map(), out = [], docEnd = -1;
    for (var i = 0; i < tokens.length && out.length < MAX_TERMS; i++) {
      var t = tokens[i];
      if (t.type === "docno") docEnd = t.end;
      else if (t.start < docEnd) continue;
      var free = cited < 0 || t.start < cited;
      if (seen.has(t.text)) {
        if (free) seen.get(t.text).free = true;
      } else {
        var e = {text: t.text, free: free};
        seen.set(t.text, e);
        out.push(e);
      }
    }
    return out;
  }

  var ARTICLE_NUMBER = /^\d{1,4}[a-z]?$/;

  /* Where the document begins that the query cites an article of, or -1: "điều", an article
   * number, then (past an optional "của") a form of document the site holds or a document
   * number (Search.cited). Its words are searched in the title alone, where articles hold
   * their citation. */
  function cited(q, folded, forms) {
    var at = citeAt(q, folded, forms);
    return at ? folded[at[1]].start : -1;
  }

  /* As cited: the index of the token "điều" and of the document's first word, or null. */
  function citeAt(q, folded, forms) {
    for (var i = 0; i + 2 < folded.length; i++) {
      var d = folded[i], n = folded[i + 1];
      if (d.text !== "dieu" || d.type !== "word" || n.type !== "word" || !ARTICLE_NUMBER.test(n.text)
          || !spaces(q, n.end, folded[i + 2].start)) continue;
      var j = i + 2;
      if (folded[j].text === "cua" && j + 1 < folded.length) j++;
      var first = folded[j];
      if (first.type === "docno") return [i, j];
      for (var f = 0; f < forms.length; f++) {
        var words = forms[f].split(" "), match = j + words.length <= folded.length;
        for (var k = 0; match && k < words.length; k++) match = folded[j + k].text === words[k];
        if (match) return [i, j];
      }
    }
    return null;
  }

  var CITE_WORDS = 12;

  /* Folded words of tokens from..to (exclusive), a document number's parts left out (LegalTitles.key). */
  function citeKey(tokens, from, to) {
    var out = [], docEnd = -1;
    for (var i = from; i < Math.min(to, tokens.length); i++) {
      var t = tokens[i];
      if (t.type === "docno") docEnd = t.end;
      else if (t.start < docEnd) continue;
      out.push(t.text);
    }
    return out.join(" ");
  }

  function docnoEndOf(folded, from, to) {
    var end = -1;
    for (var i = from; i < to; i++) if (folded[i].type === "docno" && folded[i].end > end) end = folded[i].end;
    return end;
  }

  /* The citation of an article the site holds, by the longest name of its document after
   * "điều N" (Search.resolve): the query without it and the two keys with their lists, or null. */
  function resolve(m, q, folded, forms) {
    var at = citeAt(q, folded, forms);
    if (!at) return Promise.resolve(null);
    var number = folded[at[0] + 1].text, cands = [];
    for (var k = Math.min(folded.length, at[1] + CITE_WORDS); k > at[1]; k--) {
      if (k < folded.length && folded[k].start < docnoEndOf(folded, at[1], k)) continue;
      var name = citeKey(folded, at[1], k), end = Math.max(folded[k - 1].end, docnoEndOf(folded, at[1], k));
      cands.push({name: name, rest: q.substring(0, folded[at[0]].start) + " " + q.substring(end)});
    }
    return Promise.all(cands.map(function (c) { return lookup(m, "c", number + "#" + c.name); })).then(function (found) {
      for (var i = 0; i < cands.length; i++) {
        if (found[i] && (found[i].df[0] + found[i].df[1] + found[i].df[2]) > 0) {
          var c = cands[i];
          return lookup(m, "c", "#" + c.name).then(function (doc) {
            return {rest: c.rest, article: number + "#" + c.name, articleList: found[i], document: "#" + c.name, documentList: doc};
          });
        }
      }
      return null;
    });
  }

  function spaces(q, from, to) {
    for (var i = from; i < to; i++) if (!SPACE.test(q.charAt(i))) return false;
    return true;
  }

  /* A document number typed without its symbol ("nđ 15/2014"): the prefix of the numbers it
   * stands for, "15/2014/", whose completions are searched as if typed (Search.partialNumbers). */
  var PARTIAL_NUMBER = /(?<![\p{L}\d\/])\d{1,4}\/\d{4}(?![\p{L}\d\/])/gu;
  var PARTIAL_MAX = 4;

  function partialNumbers(q) {
    var out = [], re = new RegExp(PARTIAL_NUMBER.source, "gu"), found;
    while ((found = re.exec(q)) && out.length < PARTIAL_MAX) {
      if (out.indexOf(found[0] + "/") < 0) out.push(found[0] + "/");
    }
    return out;
  }

  /* Up to max keys of completions, commonest first, none already typed (as Search.expand). */
  function commonest(cs, typed, max) {
    cs = cs.filter(function (c) { return typed.indexOf(c.key) < 0; });
    cs.sort(function (a, b) { return b.df - a.df || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0); });
    return cs.slice(0, max);
  }

  function endsInWord(q) {
    if (!q) return false;
    var cps = Array.from(q);
    return isWordChar(cps[cps.length - 1]);
  }

  function plan(m, q, prefix) {
    var forms = ((m.facets && m.facets.form) || []).map(function (x) { return x.value.replace(/-/g, " "); });
    return resolve(m, q, analyze(q, {form: "folded"}), forms).then(function (citation) {
      return planRest(m, citation ? citation.rest : q, prefix, forms, citation);
    });
  }

  function planRest(m, q, prefix, forms, citation) {
    var folded = analyze(q, {form: "folded"});
    var at = cited(q, folded, forms);
    /* A word typed without diacritics asks for no particular spelling (as in Search.java). */
    var exactTerms = unique(analyze(q, {form: "exact"}), at).filter(function (t) { return fold(t.text) !== t.text; });
    var foldedTerms = unique(folded, at);
    var bigramTerms = unique(analyze(q, {form: "bigram"}), at);
    var typed = foldedTerms.map(function (t) { return t.text; });
    var lists = [], jobs = [], expansions = [];
    /* A term that only names a cited document weighs in the title (field 0) alone. */
    function add(form, boost, term, list, free) {
      if (!list || !list.blocks.length) return;
      var base = form === "prefix" ? "folded" : form, stats = m.stats[base], full = [0, 0, 0], weights = [0, 0, 0];
      for (var i = 0; i < 3; i++) {
        if (list.df[i] > 0) full[i] = fr(fr(boost[i]) * idf(list.df[i], stats[i][0]));
        if (i === 0 || free) weights[i] = full[i];
      }
      lists.push({form: form, base: base, term: term, list: list, weights: weights, full: full, ninv: m.ninv[base], next: 0});
    }
    /* Partial document numbers first, one after the other, as Search.java adds them. */
    var numbers = partialNumbers(q).reduce(function (done, p) {
      return done.then(function () {
        return completions(m, p).then(function (cs) {
          commonest(cs, typed, m.prefix.max).forEach(function (c) {
            typed.push(c.key);
            foldedTerms.push({text: c.key, free: true});
            expansions.push(c.key);
          });
        });
      });
    }, Promise.resolve());
    return numbers.then(function () {
      exactTerms.forEach(function (t) {
        jobs.push(lookup(m, "w", fold(t.text)).then(function (e) {
          add("exact", m.boost.exact, t.text, e && e.exact.get(t.text), t.free);
        }));
      });
      foldedTerms.forEach(function (t) {
        jobs.push(lookup(m, "w", t.text).then(function (e) { add("folded", m.boost.folded, t.text, e && e.folded, t.free); }));
      });
      bigramTerms.forEach(function (t) {
        jobs.push(lookup(m, "b", t.text).then(function (e) { add("bigram", m.boost.bigram, t.text, e, t.free); }));
      });
      var last = folded.length ? folded[folded.length - 1].text : "";
      if (prefix && endsInWord(q) && last.length >= m.prefix.min) {
        jobs.push(completions(m, last).then(function (cs) {
          commonest(cs, typed, m.prefix.max).forEach(function (c) {
            expansions.push(c.key);
            add("prefix", m.boost.prefix, c.key, c.list, true);
          });
        }));
      }
      return Promise.all(jobs);
    }).then(function () {
      if (citation) {
        add("cite", [m.boost.cite[1], 0, 0], citation.document, citation.documentList, true);
        add("cite", [m.boost.cite[0], 0, 0], citation.article, citation.articleList, true);
      }
      /* One order whatever order the chunks arrived in: as Lucene's clauses. */
      var rank = {exact: 0, folded: 1, prefix: 2, bigram: 3, cite: 4};
      lists.sort(function (a, b) { return rank[a.form] - rank[b.form] || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
      return {lists: lists, folded: typed, expansions: expansions};
    });
  }


  /* What a list adds to a document whose fields hold the tuple (frequency and norm per field). */
  function contribution(l, t, weights) {
    var w = weights || l.weights, sum = 0;
    for (var i = 0; i < 3; i++) {
      if (t[i] > 0 && w[i] > 0) sum += bm25(w[i], t[i], l.ninv[i][t[3 + i]]);
    }
    return sum;
  }

  /* A list is sorted by what its postings add over the three fields: the next block's first
   * posting bounds the rest with every field weighed, even where a term weighs in the title
   * alone (a cited document's words), since what it adds there is never more. */
  function bound(l) {
    return l.next < l.list.blocks.length ? contribution(l, l.list.blocks[l.next].tuple, l.full) : 0;
  }

  function loadBlock(m, l) {
    var b = l.list.blocks[l.next++];
    if (b.data !== null) return Promise.resolve(b.data);
    return load(b.kind + b.file, shardPath(m.dir, b.kind, b.file)).then(function (args) { return args[0]; });
  }

  /* The facets of each document, from the page table (t.js): a function of the document. */
  function pageTable(m) {
    if (!m.table) {
      m.table = load("t", "search/" + m.dir + "/t.js").then(function (args) {
        var r = new Reader(args[0]), starts = [], facets = [], doc = 0, f = m.facets;
        while (r.more()) {
          var count = r.next(), section = r.next(), type = r.next(), mask = r.next(), form = r.next(), status = r.next(), aud = [];
          f.audience.forEach(function (a, i) { if (mask & (1 << i)) aud.push(a.value); });
          starts.push(doc);
          facets.push({s: f.section[section].value, y: type ? f.type[type - 1].value : "", a: aud,
            fo: form ? f.form[form - 1].value : "", st: status ? f.status[status - 1].value : ""});
          doc += count;
        }
        return function (d) {
          var lo = 0, hi = starts.length - 1;
          while (lo < hi) {
            var mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= d) lo = mid; else hi = mid - 1;
          }
          return facets[lo];
        };
      });
    }
    return m.table;
  }

  /* The file of a section's fragment: an odd section may share its even neighbour's (the manifest's pairs). */
  function fragmentFile(m, doc) {
    return (doc & 1) && m.paired[doc >> 1] ? doc - 1 : doc;
  }

  function fragment(m, doc) {
    var file = fragmentFile(m, doc);
    return load("f" + file, shardPath(m.dir, "f", file)).then(function (args) { return args[doc - file]; });
  }

  /* A cut fragment with the rest of its text (g/), to be analysed: the shown fragment stays cut. */
  function whole(m, doc, f) {
    return load("g" + doc, shardPath(m.dir, "g", doc)).then(function (args) {
      var w = {};
      Object.keys(f).forEach(function (key) { w[key] = f[key]; });
      w.x = f.x.slice(0, f.cut) + args[0];
      return w;
    });
  }

  /* Runs of a block after a list's first (Shards.LEVELS). */
  var LEVELS = 4;

  /*
   * What lists add to the documents they name: one record per list and document, in typed arrays
   * (a query of many words meets tens of thousands of documents), each document's records chained
   * in the order of the lists. low and high: what the list adds at least and at most (a block
   * after a list's first gives only a level; where the two are equal, exactly that).
   */
  function Parts() {
    this.size = 0;
    this.list = new Int32Array(4096);
    this.next = new Int32Array(4096);
    this.low = new Float64Array(4096);
    this.high = new Float64Array(4096);
  }

  Parts.prototype.grow = function () {
    var n = this.list.length * 2;
    function wider(a, b) { b.set(a); return b; }
    this.list = wider(this.list, new Int32Array(n));
    this.next = wider(this.next, new Int32Array(n));
    this.low = wider(this.low, new Float64Array(n));
    this.high = wider(this.high, new Float64Array(n));
  };

  /*
   * What the lists read so far tell of a document. Every field is there from the start: entries of
   * one shape keep the loops over thousands of them fast. first: its first record in parts (-1:
   * none); levels: how many of its lists gave only a level; sum and spread: what they add at
   * least and how much more they may (stale while dirty).
   */
  function Entry(doc, parts) {
    this.doc = doc;
    this.parts = parts;
    this.first = -1;
    this.levels = 0;
    this.sum = 0;
    this.spread = 0;
    this.dirty = false;
    this.missing = 0;
    this.score = null;
    this.upper = 0;
    this.frag = null;
    this.cut = false;
    this.accepted = undefined;
    this.rejected = false;
    this.dead = false;
    this.stamp = 0;
  }

  /* What list li adds to the document at least, or undefined if it has not named it. */
  Entry.prototype.part = function (li) {
    var p = this.parts;
    for (var i = this.first; i >= 0 && p.list[i] <= li; i = p.next[i]) if (p.list[i] === li) return p.low[i];
    return undefined;
  };

  Entry.prototype.add = function (li, low, high) {
    var p = this.parts;
    if (p.size === p.list.length) p.grow();
    var at = p.size++, before = -1, i = this.first;
    while (i >= 0 && p.list[i] < li) { before = i; i = p.next[i]; }
    p.list[at] = li;
    p.low[at] = low;
    p.high[at] = high;
    p.next[at] = i;
    if (before < 0) this.first = at;
    else p.next[before] = at;
    if (high !== low) this.levels++;
    this.dirty = true;
  };

  /* The sums of what the lists that named it add, in the order of the lists: the same doubles
   * as adding them list by list. */
  Entry.prototype.sums = function () {
    var p = this.parts, sum = 0, spread = 0;
    for (var i = this.first; i >= 0; i = p.next[i]) {
      sum += p.low[i];
      spread += p.high[i] - p.low[i];
    }
    this.sum = sum;
    this.spread = spread;
    this.dirty = false;
  };

  /* A term file's chunk is about this long (Shards.TERM_CHUNK). */
  var TERM_CHUNK = 256;

  /* The chunk of a term file of n chunks that holds a key: Java's String.hashCode modulo n,
   * unsigned (Shards.termChunk). */
  function termChunk(key, n) {
    var h = 0;
    for (var i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
    return (h >>> 0) % n;
  }

  /* The chunks of a long section's term file (k/) that hold the query's terms: an exact
   * spelling lies with the word it folds to. */
  function termChunks(q, f) {
    var out = [];
    q.lists.forEach(function (l) {
      if (l.form === "cite") return;
      var c = termChunk(l.base === "exact" ? fold(l.term) : l.term, f.k);
      if (out.indexOf(c) < 0) out.push(c);
    });
    return out;
  }

  /* The fields of a section too long for g/: title and heading analysed from its fragment, the
   * text's frequencies of the query's terms from its term file, its norms from the fragment. */
  function termFields(m, q, doc, f) {
    return Promise.all(termChunks(q, f).map(function (c) {
      return load("k" + doc + "." + c, "search/" + m.dir + "/k/" + doc + "/" + c + ".js");
    })).then(function (chunks) {
      var shown = {};
      Object.keys(f).forEach(function (key) { shown[key] = f[key]; });
      shown.x = "";
      var out = analyseFields(shown), text = {exact: new Map(), folded: new Map(), bigram: new Map()};
      chunks.forEach(function (args) {
        var keys = args[0], r = new Reader(args[1]), spellings = args[2], v = 0;
        keys.forEach(function (key) {
          /* A bigram holds a space, a word never. */
          text[key.indexOf(" ") >= 0 ? "bigram" : "folded"].set(key, r.next());
          for (var n = r.next(); n > 0; n--) text.exact.set(spellings[v++], r.next());
        });
      });
      ["exact", "folded", "bigram"].forEach(function (form, i) {
        out[form][2] = {freq: text[form], norm: f.kn[i]};
      });
      return out;
    });
  }

  /* Frequencies and lengths of a section's fields, analysed as the build analysed them. */
  function analyseFields(f) {
    /* ti: 1 when the section is searched by the page title, or the title it is searched by;
     * hs: the heading it is searched by, where not the one shown (an article's citation and
     * subject: camnang.search.LegalTitles). */
    var texts = [f.ti === 1 ? f.t : f.ti || "", f.hs !== undefined ? f.hs : f.h, f.x], out = {};
    function counts(tokens) {
      var freq = new Map();
      tokens.forEach(function (t) { freq.set(t.text, (freq.get(t.text) || 0) + 1); });
      var length = tokens.length ? tokens[tokens.length - 1].position + 1 : 0;
      return {freq: freq, norm: intToByte4(length)};
    }
    out.exact = texts.map(function (text) { return counts(words(text, false, false)); });
    out.folded = [];
    out.bigram = texts.map(function (text) {
      /* The bigrams are made of the folded words: one pass gives both. */
      var folded = words(text, true, true);
      out.folded.push(counts(folded));
      return counts(bigrams(folded));
    });
    return out;
  }

  /* A citation key's list is read whole first (topK): what it adds is known from its postings. */
  function exactScore(q, fields, d) {
    var sum = 0;
    q.lists.forEach(function (l, li) {
      if (l.form === "cite") { sum += d.part(li) || 0; return; }
      var t = [0, 0, 0, 0, 0, 0];
      for (var i = 0; i < 3; i++) {
        var fi = fields[l.base][i];
        t[i] = fi.freq.get(l.term) || 0;
        t[3 + i] = fi.norm;
      }
      sum += contribution(l, t);
    });
    return fr(sum);
  }

  /*
   * The top k documents, by a threshold algorithm: read the lists' blocks highest first;
   * a document seen in some lists has a lower bound (what they add, or the low end of its
   * level where a block gives only that) and an upper bound (the high ends, plus the bound of
   * each list's unread blocks); its fragment, analysed, gives its exact score.
   * Stop when k exact scores beat every bound left. Equal to Lucene's top k, reading little.
   */
  function topK(m, q, k, accept) {
    /* Every document a list has named, out of the running (dead) or not, in the order first named
     * (entries, with its place there plus one by number in slots); and those not (live). */
    var slots = new Int32Array(m.docs), entries = [], live = [], lists = q.lists, closed = false, parts = new Parts();
    /* The last wave read only to settle contenders (no unseen document could enter any more):
     * its postings and the contenders before it; how many such waves were read; and whether
     * reading lists for that has stopped paying. */
    var settling = null, settlingWaves = 0, listsPaid = true;
    /*
     * While an unseen document can still enter the top k, a step needs only the k-th best lower
     * bound (the floor): lower bounds only rise, so it lies among the k best of the step before
     * (leaders) and the documents the lists have named since (touched). Null once no unseen
     * document can enter: from then on every step looks at every document.
     */
    var leaders = [], touched = [], stamp = 0;

    /* The document's entry, made when a list first names it; null once it is out of the running,
     * as is one first named once no unseen document can enter the top k. */
    function entry(doc) {
      var at = slots[doc], e;
      if (at > 0) {
        e = entries[at - 1];
        return e.dead ? null : e;
      }
      if (at < 0 || closed) {
        slots[doc] = -1;
        return null;
      }
      e = new Entry(doc, parts);
      entries.push(e);
      slots[doc] = entries.length;
      live.push(e);
      return e;
    }

    function absorb(li, data, b) {
      var l = lists[li], r = new Reader(data);
      if (b > 0 && l.list.blocks[b].kind !== "r") return absorbLevels(li, r, l.list.blocks[b]);
      /* A block that begins with 0 lists its postings in the order of documents, each with its tuple. */
      if (r.more() && data.charCodeAt(0) === ZERO) {
        r.next();
        for (var doc = 0; r.more(); ) {
          doc += r.next();
          var t = readTuple(r), e = entry(doc);
          if (e) { var v = contribution(l, t); note(e, li, v, v); }
        }
        return;
      }
      while (r.more()) {
        var count = r.next(), c = contribution(l, readTuple(r)), at = 0;
        for (var j = 0; j < count; j++) {
          at += r.next();
          var f = entry(at);
          if (f) note(f, li, c, c);
        }
      }
    }

    /*
     * A block after a list's first gives each document's level (camnang.search.Shards.Block.leveled):
     * the run of the block's postings, in the order of what they add, that it lies in. What it adds
     * lies between the first tuple of its run and that of the next run (the block's last tuple
     * after the last run). Where the list weighs in fewer fields than it was sorted by (a cited
     * document's words), only the upper end holds; the lower is 0.
     */
    function absorbLevels(li, r, block) {
      var l = lists[li], high = [contribution(l, block.tuple, l.full)], low = [], j;
      for (j = 1; j < LEVELS; j++) high.push(contribution(l, readTuple(r), l.full));
      high.push(contribution(l, readTuple(r), l.full));
      var whole = l.weights.every(function (w, i) { return w === l.full[i]; });
      for (j = 0; j < LEVELS; j++) low.push(whole ? high[j + 1] : 0);
      for (var doc = 0; r.more(); ) {
        var v = r.next(), level = v % LEVELS;
        doc += (v - level) / LEVELS;
        var e = entry(doc);
        /* Equal ends: the run's postings all add the same. */
        if (e) note(e, li, low[level], high[level]);
      }
    }

    function note(e, li, low, high) {
      if (!e.dirty) touched.push(e);
      e.add(li, low, high);
    }

    function readNext(li) {
      var b = lists[li].next;
      return loadBlock(m, lists[li]).then(function (data) { absorb(li, data, b); });
    }

    /* False for a document the filters leave out. */
    function admit(d) {
      if (d.rejected) return false;
      if (accept && d.accepted === undefined) {
        d.accepted = accept(d.doc);
        if (!d.accepted) { d.rejected = true; return false; }
      }
      return true;
    }

    /* A document's bounds from the lists' bounds (theta, their sum and how many are above 0),
     * or its score where the lists give it all. */
    function bounds(d, theta, unseen, pending) {
      if (d.score !== null) return;
      if (d.dirty) d.sums();
      /* The lists it is missing from may add up to their bounds: all bounds, less those of
       * the lists that named it. */
      var named = 0, waiting = 0;
      for (var y = d.first; y >= 0; y = parts.next[y]) {
        var t = theta[parts.list[y]];
        if (t > 0) { named += t; waiting++; }
      }
      d.missing = pending - waiting;
      /* A level bounds what a list adds, it does not give it: only the text can. */
      if (d.missing === 0 && d.levels === 0) {
        d.score = fr(d.sum);
      } else {
        /* That difference of sums may round below the sum of the differences: a hair more keeps
         * a tie on the safe side. */
        d.upper = d.sum + d.spread + (d.missing ? unseen - named + unseen * 1e-12 : 0);
      }
    }

    /* The postings left in the lists that may still add something. */
    function postingsLeft(theta) {
      var n = 0;
      lists.forEach(function (l, i) {
        for (var b = l.next; theta[i] > 0 && b < l.list.blocks.length; b++) n += l.list.blocks[b].count;
      });
      return n;
    }

    /* What a document scores at least. */
    function least(d) {
      return d.score !== null ? d.score : d.sum;
    }

    function byLeast(a, b) {
      return least(b) - least(a) || a.doc - b.doc;
    }

    /* The next blocks of the lists whose gain is near the highest, all at once: on a slow link
     * round trips cost more than bytes. */
    function wave(useful, gain, pick) {
      var w = [];
      for (var i = 0; i < lists.length && w.length < 8; i++) {
        if (useful[i] && gain[i] >= gain[pick] / 2) w.push(i);
      }
      return w;
    }

    function step() {
      var theta = lists.map(bound), unseen = 0, pending = 0;
      theta.forEach(function (t) { unseen += t; if (t > 0) pending++; });
      if (leaders && unseen > 0) {
        var seen = ++stamp, near = [];
        [leaders, touched].forEach(function (group) {
          group.forEach(function (d) {
            if (d.stamp === seen || d.dead || !admit(d)) return;
            d.stamp = seen;
            bounds(d, theta, unseen, pending);
            near.push(d);
          });
        });
        touched = [];
        var lead = best(near, k, byLeast);
        /* While an unseen document could enter, the highest bound is what matters. */
        if (lead.length < k || unseen >= least(lead[k - 1])) {
          leaders = lead;
          var any = theta.map(function (t) { return t > 0; });
          return Promise.all(wave(any, theta, theta.indexOf(Math.max.apply(null, theta))).map(readNext)).then(step);
        }
      }
      touched = [];
      var resolved = [], open = [];
      for (var x = 0; x < live.length; x++) {
        var d = live[x];
        if (!admit(d)) continue;
        bounds(d, theta, unseen, pending);
        if (d.score !== null) resolved.push(d);
        else open.push(d);
      }
      resolved = best(resolved, k, byScore);
      var kth = resolved.length >= k ? resolved[k - 1].score : -1;
      var highest = unseen;
      open.forEach(function (d) { if (d.upper > highest) highest = d.upper; });
      /* Bounds are sums in doubles, scores rounded to floats: a margin keeps a tie on the safe side. */
      if (kth > highest * (1 + 1e-6) || (unseen === 0 && open.length === 0)) return Promise.resolve(resolved.slice(0, k));
      /* The k-th best lower bound: below it, nothing can enter the top k. */
      var top = best(resolved.concat(best(open, k, byLeast)), k, byLeast);
      var floor = top.length >= k ? least(top[k - 1]) : 0;
      leaders = unseen >= floor ? top : null;
      /* Upper bounds only fall and the floor only rises: a document below the floor is out for good. */
      if (floor > 0) {
        live = live.filter(function (d) {
          d.dead = d.rejected || (d.score !== null ? d.score : d.upper) < floor;
          return !d.dead;
        });
      }
      /* What a list names from now on adds at most its bound: a document no list has named yet
       * stays below the floor for good. */
      closed = unseen < floor;
      var contenders = open.filter(function (d) { return d.upper >= floor && d.upper >= kth; });
      /*
       * A posting costs a few bytes, a fragment a thousand: read the lists further while an
       * unseen document could still enter the top k, or while half as many again as k contend
       * for it; then learn the contenders' exact scores from their fragments (which the results
       * need anyway).
       */
      var pick = -1;
      /* A contender missing from no list (known by level in some) needs its text: lists can no
       * longer settle it, so it does not count among those that make them worth reading. */
      var settleable = contenders.filter(function (d) { return d.missing > 0; }).length;
      /*
       * Reading lists to settle contenders pays while a wave takes out at least a fragment's worth
       * of them for the postings it reads (a legal section's fragment is about 2,000 characters, a
       * posting in a block after a list's first about 2): far down the flat lists of common words
       * a wave of thousands of postings takes out one or two, whose fragments cost less. From then
       * on the contenders are settled from their fragments. Not before the fourth such wave: one
       * wave's yield is a poor guess (contenders that tie fall together when a list's bound drops
       * below them), and not while their fragments would cost more than the rest of the lists
       * (on 10,000 generated pages, `quy định` read 824 fragments, 756 KB, that way).
       */
      if (settling) {
        settlingWaves++;
        if (settlingWaves >= 4 && 2000 * (settling.contenders - settleable) < 2 * settling.postings
            && 2000 * settleable < 2 * postingsLeft(theta)) listsPaid = false;
        settling = null;
      }
      if (unseen >= floor || listsPaid && 2 * settleable > 3 * k) {
        /* Once no unseen document can enter, only the lists some contender is missing from
         * can still change a bound. */
        var absent = lists.map(function () { return contenders.length; });
        for (var c = 0; c < contenders.length && unseen < floor; c++) {
          for (var n = contenders[c].first; n >= 0; n = parts.next[n]) absent[parts.list[n]]--;
        }
        var useful = lists.map(function (l, i) { return theta[i] > 0 && (unseen >= floor || absent[i] > 0); });
        /* While an unseen document could enter, the highest bound matters. After, a block helps
         * by what it takes off the contenders' upper bounds: the bound of its list for each
         * contender missing from it, per posting read. A common word's list weighs little but
         * every contender may be missing from it; a rarer word's next block may hold none. */
        var gain = lists.map(function (l, i) {
          if (!useful[i] || unseen >= floor) return theta[i];
          return absent[i] * theta[i] / l.list.blocks[l.next].count;
        });
        for (var i = 0; i < lists.length; i++) {
          if (useful[i] && (pick < 0 || gain[i] > gain[pick])) pick = i;
        }
        if (pick >= 0) {
          var next = wave(useful, gain, pick);
          if (unseen < floor) {
            settling = {contenders: settleable, postings: 0};
            next.forEach(function (w) { settling.postings += lists[w].list.blocks[lists[w].next].count; });
          }
          return Promise.all(next.map(readNext)).then(step);
        }
      }
      if (pick < 0) {
        /* From here on, the order of the contenders decides which fragments are read first. */
        contenders.sort(function (a, b) { return b.upper - a.upper || a.doc - b.doc; });
        /*
         * A contender that no k others can pass is shown, so its fragment is needed anyway, as is
         * one already loaded: read those first, and settle such a contender that is cut, since
         * what that reads also lowers the others' bounds. Only then read the fragments of
         * contenders that may not be shown.
         */
        var certain = contenders.filter(function (d) {
          if (unseen >= d.sum) return false;
          var above = 0;
          live.forEach(function (e) {
            if (e !== d && !e.rejected && (e.score !== null ? e.score : e.upper) >= d.sum) above++;
          });
          return above < k;
        });
        var free = contenders.filter(function (d) {
          return !d.cut && (certain.indexOf(d) >= 0 || loaded[shardPath(m.dir, "f", fragmentFile(m, d.doc))]);
        });
        /* Of the others, as many as the top k still has places for: what they score may put the
         * rest out of it. */
        var placed = contenders.filter(function (d) { return d.cut; }).length;
        resolved.forEach(function (d) { if (d.score >= floor) placed++; });
        var batch = free.length ? free.slice(0, k) : certain.some(function (d) { return d.cut; }) ? []
          : contenders.filter(function (d) { return !d.cut; }).slice(0, Math.max(1, k - placed));
        /*
         * Before reading fragments of contenders that may not be shown, a list's next block may be
         * cheaper: a contender missing from it whose bound falls below the bar when the list's bound
         * falls to its following block's is out unless the block holds it. A block after a list's
         * first costs about three characters a posting, a fragment about a thousand.
         */
        if (!free.length && batch.length) {
          var bar = Math.max(kth, floor), cheap = -1, saved = 0;
          for (var c = 0; c < lists.length; c++) {
            var cl = lists[c], nb = cl.list.blocks;
            if (theta[c] <= 0 || cl.next === 0) continue;
            var after = cl.next + 1 < nb.length ? contribution(cl, nb[cl.next + 1].tuple, cl.full) : 0, out = 0;
            contenders.forEach(function (d) {
              if (!d.cut && d.part(c) === undefined && d.upper - (theta[c] - after) < bar) out++;
            });
            if (1000 * out - 3 * nb[cl.next].count > saved) { saved = 1000 * out - 3 * nb[cl.next].count; cheap = c; }
          }
          if (cheap >= 0) return readNext(cheap).then(step);
        }
        if (batch.length) {
          return Promise.all(batch.map(function (d) {
            return fragment(m, d.doc).then(function (f) {
              d.frag = f;
              if (f.cut) d.cut = true;
              else d.score = exactScore(q, analyseFields(f), d);
            });
          })).then(step);
        }
        /*
         * Only documents whose fragment is cut remain: read the rest of its text, or the lists
         * it is missing from, whichever costs less. A long section's words weigh little, so it
         * lies far down those lists: the rest of its text is usually cheaper, but not always.
         */
        var needy = certain.filter(function (d) { return d.cut; })[0] || contenders[0], unread = 0;
        /* Known by level in some list: no list can give its score, only its text. */
        var vague = !!(needy && needy.levels > 0);
        for (var j = 0; j < lists.length; j++) {
          if (theta[j] > 0 && (!needy || needy.part(j) === undefined)) {
            for (var b = lists[j].next; b < lists[j].list.blocks.length; b++) unread += lists[j].list.blocks[b].count;
            if (pick < 0 || theta[j] > theta[pick]) pick = j;
          }
        }
        /* A posting costs about three characters. */
        if (needy && needy.frag && needy.frag.g !== undefined && (vague || needy.frag.g <= 3 * unread)) {
          return whole(m, needy.doc, needy.frag).then(function (w) {
            needy.score = exactScore(q, analyseFields(w), needy);
          }).then(step);
        }
        /* Too long for the rest of its text: the chunks of its term file that hold the query's terms. */
        if (needy && needy.frag && needy.frag.k !== undefined
            && (vague || TERM_CHUNK * termChunks(q, needy.frag).length <= 3 * unread)) {
          return termFields(m, q, needy.doc, needy.frag).then(function (fields) {
            needy.score = exactScore(q, fields, needy);
          }).then(step);
        }
      }
      if (pick < 0) return Promise.resolve(resolved.slice(0, k));
      return readNext(pick).then(step);
    }

    function readAll(li) {
      return lists[li].next < lists[li].list.blocks.length ? readNext(li).then(function () { return readAll(li); }) : null;
    }

    return Promise.all(lists.map(function (l, i) { return l.form === "cite" ? readAll(i) : readNext(i); })).then(step);
  }

  /* The first k of items in the order of cmp, sorted, without sorting them all (a heap of k). */
  function best(items, k, cmp) {
    if (items.length <= k) return items.slice().sort(cmp);
    var heap = [];
    function up(i) {
      while (i > 0) {
        var p = (i - 1) >> 1;
        if (cmp(heap[i], heap[p]) <= 0) break;
        var t = heap[i]; heap[i] = heap[p]; heap[p] = t; i = p;
      }
    }
    function down(i) {
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < heap.length && cmp(heap[l], heap[m]) > 0) m = l;
        if (r < heap.length && cmp(heap[r], heap[m]) > 0) m = r;
        if (m === i) return;
        var t = heap[i]; heap[i] = heap[m]; heap[m] = t; i = m;
      }
    }
    /* heap[0] is the worst of the k kept so far. */
    for (var i = 0; i < items.length; i++) {
      if (heap.length < k) { heap.push(items[i]); up(heap.length - 1); }
      else if (cmp(items[i], heap[0]) < 0) { heap[0] = items[i]; down(0); }
    }
    return heap.sort(cmp);
  }

  function byScore(a, b) {
    return b.score - a.score || a.doc - b.doc;
  }

  /* -- Snippets: the section's text around the most query words, escaped, words marked. -- */
  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }

  var SNIPPET = 180;

  function snippet(text, q) {
    var wanted = new Set(q.folded), prefixes = q.expansions;
    var hits = analyze(text, {form: "folded"}).filter(function (t) {
      return wanted.has(t.text) || prefixes.indexOf(t.text) >= 0;
    });
    var start = 0;
    if (hits.length) {
      var bestCount = -1;
      for (var i = 0; i < hits.length; i++) {
        var distinct = new Set();
        for (var j = i; j < hits.length && hits[j].end - hits[i].start <= SNIPPET; j++) distinct.add(hits[j].text);
        if (distinct.size > bestCount) { bestCount = distinct.size; start = hits[i].start; }
      }
      start = Math.max(0, start - 40);
      var space = text.lastIndexOf(" ", start);
      start = start === 0 ? 0 : space < 0 ? 0 : space + 1;
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > start + SNIPPET / 2) end = cut;
    }
    var out = start > 0 ? "… " : "", at = start;
    hits.forEach(function (h) {
      if (h.start >= at && h.end <= end) {
        out += escapeHtml(text.slice(at, h.start)) + "<mark>" + escapeHtml(text.slice(h.start, h.end)) + "</mark>";
        at = h.end;
      }
    });
    out += escapeHtml(text.slice(at, end)) + (end < text.length ? " …" : "");
    return out.replace(/\s+/g, " ");
  }

  function result(d, q) {
    var f = d.frag;
    return {
      url: f.u,
      href: new URL(f.u, root || location.href).href,
      title: f.t,
      heading: f.h,
      score: d.score,
      snippet: snippet(f.x, q),
      section: f.s,
      type: f.y || "",
      audience: f.a || [],
      form: f.fo || "",
      status: f.st || ""
    };
  }

  /*
   * camnang.search(query, {limit, prefix, filters}) → Promise of results, best first:
   *   {url, href, title, heading, score, snippet, section, type, audience, form, status}
   * url is relative to the site's root, with the section's anchor; href is absolute; snippet
   * is HTML (escaped text, <mark> around the query's words); everything else is plain text.
   *   limit    how many results (10; at most 100)
   *   prefix   the last word may be unfinished: it also finds the commonest words it starts
   *   filters  {section, type, audience, form, status}: only results with these values (see
 *            camnang.facets); a value may also be given as its label, in any case, with or
 *            without diacritics ("Hết hiệu lực", "het hieu luc")
   */
  function search(query, options, retried) {
    options = options || {};
    var limit = Math.max(1, Math.min(100, options.limit || 10));
    var given = options.filters || {};
    var q = typeof query === "string" ? query.normalize("NFC") : "";
    if (q.length > 2000) q = q.slice(0, 2000);
    if (!analyze(q, {form: "folded"}).length) return Promise.resolve([]);
    var filters;
    function accept(f) {
      if (filters.section !== undefined && filters.section !== "" && f.s !== filters.section) return false;
      if (filters.type && f.y !== filters.type) return false;
      if (filters.audience && f.a.indexOf(filters.audience) < 0) return false;
      if (filters.form && f.fo !== filters.form) return false;
      if (filters.status && f.st !== filters.status) return false;
      return true;
    }
    var filtered = !!(given.section || given.type || given.audience || given.form || given.status);
    return open(retried).then(function (m) {
      if (!m.docs) return [];
      filters = facetValues(m.facets, given);
      return Promise.all([plan(m, q, !!options.prefix), filtered ? pageTable(m) : null]).then(function (both) {
        var p = both[0], table = both[1];
        if (!p.lists.length) return [];
        return topK(m, p, limit, table ? function (doc) { return accept(table(doc)); } : null).then(function (top) {
          return Promise.all(top.map(function (d) {
            return d.frag ? d : fragment(m, d.doc).then(function (f) { d.frag = f; return d; });
          })).then(function (ds) {
            return ds.map(function (d) { return result(d, p); });
          });
        });
      });
    }).catch(function (e) {
      /* A manifest cached from an earlier build names files that are gone: ask once more. */
      if (retried) throw e;
      return search(query, options, true);
    });
  }

  /* A filter's value as the index holds it: a value of the facet, or the value whose label it
   * names in any case and with or without diacritics; anything else stays as given (and so
   * matches nothing, as in camnang search). */
  function facetValues(facets, given) {
    var out = {};
    Object.keys(given).forEach(function (key) {
      var v = given[key], list = (facets && facets[key]) || [];
      if (typeof v === "string" && v && !list.some(function (x) { return x.value === v; })) {
        var wanted = slug(v);
        list.forEach(function (x) { if (slug(x.value) === wanted || slug(x.label) === wanted) v = x.value; });
      }
      out[key] = v;
    });
    return out;
  }

  /* As camnang.Slug.of: folded, runs of ASCII letters and digits joined by single dashes. */
  function slug(s) {
    return fold(String(s)).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function facets() {
    return open().then(function (m) { return m.facets; });
  }

  var camnang = global.camnang || {};
  camnang.analyze = analyze;
  camnang.search = search;
  camnang.facets = facets;
  camnang.shard = shard;
  global.camnang = camnang;
})(typeof window !== "undefined" ? window : globalThis);
