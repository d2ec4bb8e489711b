// Storyline: small progressive enhancements (every page works without this file).
// No inline script is used anywhere, so the Content-Security-Policy can forbid it.
"use strict";
(function () {
  // Story timeline: filter entries by kind and outlet, zoom to a date range.
  function setupTimeline(form) {
    var entries = Array.prototype.slice.call(document.querySelectorAll(".timeline .entry"));
    function apply() {
      var kinds = {}, outlets = {};
      form.querySelectorAll("input[name=kind]").forEach(function (i) { kinds[i.value] = i.checked; });
      form.querySelectorAll("input[name=outlet]").forEach(function (i) { outlets[i.value] = i.checked; });
      var from = form.querySelector("input[name=from]").value.trim();
      var to = form.querySelector("input[name=to]").value.trim();
      entries.forEach(function (e) {
        var d = e.getAttribute("data-date") || "";
        var os = (e.getAttribute("data-outlets") || "").split("|").filter(Boolean);
        var show = kinds[e.getAttribute("data-kind")] !== false;
        if (os.length) { show = show && os.some(function (o) { return outlets[o] !== false; }); }
        if (from && d < from.slice(0, d.length)) { show = false; }
        if (to && d > to.slice(0, d.length)) { show = false; }
        e.classList.toggle("hidden", !show);
      });
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  }

  // A hit's context: about 200 characters around the first query word the text holds, cut at
  // spaces; the opening when the word is further in than the index keeps.
  function snippet(text, words) {
    var low = text.toLowerCase(), at = -1;
    words.forEach(function (w) {
      var m = new RegExp("(^|[^\\p{L}\\p{N}])" + w + "(?![\\p{L}\\p{N}])", "u").exec(low);
      if (m && (at < 0 || m.index < at)) { at = m.index + m[1].length; }
    });
    var start = Math.max(0, (at < 0 ? 0 : at) - 80), end = Math.min(text.length, start + 200);
    if (start > 0) { start = text.indexOf(" ", start) + 1; }
    if (end < text.length) { var sp = text.lastIndexOf(" ", end); if (sp > start) { end = sp; } }
    return (start > 0 ? "…" : "") + text.slice(start, end).replace(/\s+/g, " ").trim() + (end < text.length ? "…" : "");
  }

  // ``text`` into ``el`` with the query words marked, as the server's search marks them (text
  // nodes only: an article's words never become markup).
  function marked(el, text, words) {
    var re = new RegExp("(?<![\\p{L}\\p{N}])(" + words.join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark"); mark.textContent = m[0]; el.appendChild(mark);
      last = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  // Static report: search with the prebuilt index (window.STORYLINE_INDEX), no server.
  function setupReportSearch(form) {
    var index = window.STORYLINE_INDEX;
    if (!index) { return; }
    var list = document.querySelector("[data-hits]");
    function run(q) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
      if (!words.length) { return; }
      var hits = null;
      words.forEach(function (w) {
        var found = {};
        (index.words[w] || []).forEach(function (k) { found[k] = true; });
        hits = hits === null ? found : Object.keys(hits).reduce(function (acc, k) {
          if (found[k]) { acc[k] = true; } return acc; }, {});
      });
      var keys = Object.keys(hits || {}).slice(0, 100);
      if (!keys.length) { var li = document.createElement("li"); li.textContent = "No hits."; list.appendChild(li); }
      keys.forEach(function (k) {
        var a = index.articles[k], li = document.createElement("li"), link = document.createElement("a");
        link.href = a.href; link.textContent = a.headline || a.id;
        var meta = document.createElement("span"); meta.className = "meta";
        meta.textContent = " " + (a.outlet || "unknown outlet") + " · " + (a.published || "undated");
        var snip = document.createElement("p");
        marked(snip, snippet(a.text || "", words), words);
        li.appendChild(link); li.appendChild(meta); li.appendChild(snip); list.appendChild(li);
      });
    }
    var input = form.querySelector("input[name=q]");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(q); }
  }

  // Static report: a citation link carries ?hl=START-END; mark that span and scroll to it
  // (the server marks it itself).
  function highlightCitation(text) {
    var m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(window.location.search).get("hl") || "");
    if (!m || document.getElementById("hl")) { return; }
    var a = +m[1], b = +m[2], first = null;
    text.querySelectorAll("span[data-s]").forEach(function (s) {
      if (+s.getAttribute("data-s") >= a && +s.getAttribute("data-e") <= b) {
        s.classList.add("hl");
        if (!first) { first = s; }
      }
    });
    if (first) { first.id = "hl"; first.scrollIntoView({block: "center"}); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.querySelector("[data-text]");
    if (text) { highlightCitation(text); }
    var tl = document.querySelector("[data-timeline-filters]");
    if (tl) { setupTimeline(tl); }
    var sf = document.querySelector("[data-search]");
    if (sf && window.STORYLINE_INDEX) { setupReportSearch(sf); }
  });
})();
