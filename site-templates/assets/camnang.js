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

  function analyze(text, options) {
    var form = options && options.form ? options.form : "exact";
    var folded = form !== "exact";
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
        text: folded || type === "docno" ? fold(raw) : exact(raw),
        position: position, start: start, end: end, type: type
      };
      if (form === "bigram") token.afterPunctuation = afterPunctuation;
      tokens.push(token);
    }
    for (;;) {
      for (;;) {
        while (pos < text.length && !isWordChar(charAtCp(text, pos))) pos += charAtCp(text, pos).length;
        if (pos >= text.length) return form === "bigram" ? bigrams(tokens) : tokens;
        if (LETTER_OR_DIGIT.test(charAtCp(text, pos))) break;
        var ch = charAtCp(text, pos);
        while (pos < text.length && !LETTER_OR_DIGIT.test(ch) && isWordChar(ch)) {
          pos += ch.length;
          ch = pos < text.length ? charAtCp(text, pos) : "";
        }
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
      while (pos < text.length && isWordChar(charAtCp(text, pos))) pos += charAtCp(text, pos).length;
      emit(start, pos, "word", stackNext ? 0 : 1);
      stackNext = false;
      if (docEnd >= 0 && pos >= docEnd) docEnd = -1;
    }
  }

  var camnang = global.camnang || {};
  camnang.analyze = analyze;
  global.camnang = camnang;
})(typeof window !== "undefined" ? window : globalThis);
