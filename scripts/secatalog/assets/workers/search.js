/* secatalog: Korean in front of mkdocs-material's search worker.
   Material sends each query as typed; Korean attaches particles to words ("도시락을",
   "청소는"), and a word with its particle matches nothing in the index. This worker strips a
   trailing particle from each Hangul word of a query, then hands the message on to
   material's own worker, loaded below (its file name is filled in at build time). The stem
   keeps material's trailing wildcard, so a word that truly ends in such a syllable is still
   found: "안내도" -> "안내" matches "안내도". */
(function () {
  "use strict";
  var QUERY = 2;
  // Longest first: "으로" before "로", "에서" before "서".
  var PARTICLES = ["으로는", "에서는", "으로", "에서", "에게", "까지", "부터", "처럼", "보다", "이나", "이랑",
    "하고", "을", "를", "은", "는", "이", "가", "로", "도", "와", "과", "의", "에", "만", "랑", "나"];
  var MIN_STEM = 2;  // never cut a word to a single syllable: "회의", "사과" stay as typed

  function stem(word) {
    if (!/^[\uAC00-\uD7A3]+$/.test(word)) return word;
    for (var i = 0; i < PARTICLES.length; i++) {
      var p = PARTICLES[i];
      if (word.length - p.length >= MIN_STEM && word.slice(-p.length) === p) return word.slice(0, -p.length);
    }
    return word;
  }
  function normalise(query) {
    // The Hangul run that ends each word: "방역·소독의" -> "방역·소독".
    return query.split(/(\s+)/).map(function (word) {
      return word.replace(/[\uAC00-\uD7A3]+$/, stem);
    }).join("");
  }
  // Material appends a wildcard to every word, so "청소" ranks "청소년" as high as "청소". A
  // copy of each Hangul word with a boost (which material leaves without a wildcard) puts
  // the documents holding the exact word first.
  function exactFirst(query) {
    return query.split(/\s+/).map(function (word) {
      return /^[\uAC00-\uD7A3]{2,}$/.test(word) ? word + "^" + EXACT_BOOST + " " + word : word;
    }).join(" ");
  }
  var EXACT_BOOST = 10;
  self.secatalogNormalise = function (q) { return exactFirst(normalise(q).trim()); };  // (for tests)

  var forwarded = new WeakSet();
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (forwarded.has(event) || !message || message.type !== QUERY || typeof message.data !== "string") return;
    var query = exactFirst(normalise(message.data).trim());
    if (query === message.data) return;
    event.stopImmediatePropagation();
    var next = new MessageEvent("message", { data: { type: QUERY, data: query } });
    forwarded.add(next);
    self.dispatchEvent(next);
  });
  importScripts("MATERIAL_WORKER");
})();
