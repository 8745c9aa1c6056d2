/* secatalog: a Korean search engine behind mkdocs-material's search box.

   Material's page talks to its search worker in four messages (SETUP with the index, READY,
   QUERY with the typed text, RESULT with the documents grouped by page); this worker answers
   them itself, so the box, the result list and the keyboard stay material's own.

   Why not lunr (material's engine): at 10,000 items every query scored and highlighted every
   matching document, a second or more per keystroke on a phone. Here the index is a map from
   each word to the documents holding it, with a sorted word list for prefix matches, built
   once from the index file the build writes for us (see the end); a query looks up a few
   words, and only the results a person can see get an excerpt.

   Korean: a particle typed after a word is stripped ("도시락을" -> "도시락"); every word
   matches as a prefix ("청소" finds "청소년"), an exact word scores higher (the cleaning
   service ranks above the youth programme); the build adds each Hangul word's tails to the
   `parts` field, so a compound is found by its second half ("구매" finds "우선구매"). */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // Longest first: "으로" before "로", "에서" before "서".
  var PARTICLES = ["으로는", "에서는", "으로", "에서", "에게", "까지", "부터", "처럼", "보다", "이나", "이랑",
    "하고", "을", "를", "은", "는", "이", "가", "로", "도", "와", "과", "의", "에", "만", "랑", "나"];
  var MIN_STEM = 2;  // never cut a word to a single syllable: "회의", "사과" stay as typed
  var EXACT = 1000;  // an exact word counts this many times a word it only begins: more than a
  // title's boost over body text, so "청소" lists every cleaning service (the word in their
  // category) before 청소년 진로 체험 (a title that only begins with it)
  var SHOWN = 100;  // pages sent to the list (with the true total): more than a person reads
  var EXCERPTS = 20;  // of those, the ones that may get a highlighted excerpt (10 show, 4 more per scroll)
  var EXCERPT_BEFORE = 16, EXCERPT_LENGTH = 90, ITEM_EXCERPT = 56;
  var CACHED_WORDS = 64;
  var WORD = /[\p{L}\p{N}]+/gu;
  var TEASER = /^<p class="sc-search-teaser">[\s\S]*?<\/p> ?/;

  function stem(word) {
    if (!/^[\uAC00-\uD7A3]+$/.test(word)) return word;
    for (var i = 0; i < PARTICLES.length; i++) {
      var p = PARTICLES[i];
      if (word.length - p.length >= MIN_STEM && word.slice(-p.length) === p) return word.slice(0, -p.length);
    }
    return word;
  }

  // Query words: lower case, a trailing particle stripped from each Hangul run, each once.
  function queryWords(query) {
    var words = [];
    (query.toLowerCase().match(WORD) || []).forEach(function (word) {
      word = word.replace(/[\uAC00-\uD7A3]+$/, stem);
      if (words.indexOf(word) < 0) words.push(word);
    });
    return words;
  }

  // Index text: the documents hold escaped HTML; words come from its text only.
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  var INLINE_TAG = /<\/?(?:a|abbr|b|code|em|i|kbd|mark|small|span|strong|sub|sup)\b[^>]*>/gi;
  function plain(html) {
    return String(html || "").replace(INLINE_TAG, "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, name) {
      if (name[0] === "#") {
        var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[name.toLowerCase()] || " ";
    });
  }
  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function Engine(index) {
    var fields = (index.config && index.config.fields) || { title: { boost: 1000 }, text: { boost: 1 } };
    var names = Object.keys(fields);
    var postings = new Map(), pages = new Map();  // page address -> its number
    this.docs = (index.docs || []).map(function (doc, n) {
      var weights = new Map();
      names.forEach(function (name) {
        var value = doc[name];
        if (Array.isArray(value)) value = value.join(" ");
        if (typeof value !== "string" || !value) return;
        var boost = (fields[name] && fields[name].boost) || 1;
        var counts = new Map();
        (plain(value).toLowerCase().match(WORD) || []).forEach(function (word) {
          counts.set(word, (counts.get(word) || 0) + 1);
        });
        counts.forEach(function (count, word) {
          weights.set(word, (weights.get(word) || 0) + boost * (1 + Math.log(count)));
        });
      });
      var boost = typeof doc.boost === "number" && doc.boost > 0 ? doc.boost : 1;
      weights.forEach(function (weight, word) {
        var list = postings.get(word);
        if (!list) postings.set(word, (list = []));
        list.push(n, weight * boost);
      });
      var text = typeof doc.text === "string" ? doc.text : "";
      var teaser = TEASER.exec(text);
      var location = String(doc.location || ""), page = location.split("#")[0];
      if (!pages.has(page)) pages.set(page, pages.size);
      return {
        doc: doc,
        page: pages.get(page),
        article: location.indexOf("#") < 0,
        teaser: teaser ? teaser[0] : "",
        body: teaser ? text.slice(teaser[0].length) : text
      };
    });
    this.postings = postings;
    this.words = Array.from(postings.keys()).sort();
    this.pageCount = pages.size;
    this.best = new Float64Array(this.docs.length);  // (scratch for matches, left all zero)
    this.cache = new Map();
    this.articles = new Int32Array(pages.size).fill(-1);  // page number -> its article's number
    for (var n = 0; n < this.docs.length; n++) if (this.docs[n].article) this.articles[this.docs[n].page] = n;
  }

  // The index words that begin with word: a run of the sorted list.
  Engine.prototype.wordsFrom = function (word) {
    var low = 0, high = this.words.length;
    while (low < high) {
      var mid = (low + high) >>> 1;
      if (this.words[mid] < word) low = mid + 1; else high = mid;
    }
    var found = [];
    for (var i = low; i < this.words.length && this.words[i].lastIndexOf(word, 0) === 0; i++) found.push(this.words[i]);
    return found;
  };

  // The documents holding a word or a word it begins, each with its best weight. Kept for the
  // next keystrokes: typing "합성 제품 1234" looks up "합성" and "제품" once, not four times.
  Engine.prototype.matches = function (word) {
    var cached = this.cache.get(word);
    if (cached) return cached;
    var best = this.best, docs = [], words = this.wordsFrom(word), i, n;
    for (var f = 0; f < words.length; f++) {
      var factor = words[f] === word ? EXACT : 1, list = this.postings.get(words[f]);
      for (i = 0; i < list.length; i += 2) {
        n = list[i];
        var weight = list[i + 1] * factor;
        if (best[n] === 0) docs.push(n);
        if (weight > best[n]) best[n] = weight;
      }
    }
    var found = { docs: Int32Array.from(docs), weights: new Float64Array(docs.length) };
    for (i = 0; i < docs.length; i++) {
      found.weights[i] = best[docs[i]];
      best[docs[i]] = 0;
    }
    if (this.cache.size >= CACHED_WORDS) this.cache.clear();
    this.cache.set(word, found);
    return found;
  };

  Engine.prototype.search = function (query) {
    var words = queryWords(query).slice(0, 16);
    if (!words.length) return { items: [] };
    var docs = this.docs, count = docs.length;
    var score = new Float64Array(count), matched = new Uint32Array(count);
    var hit = [], i, n;
    for (var k = 0; k < words.length; k++) {
      var found = this.matches(words[k]);
      // A rare word tells more than a common one (idf).
      var rarity = Math.log(1 + count / Math.max(1, found.docs.length));
      for (i = 0; i < found.docs.length; i++) {
        n = found.docs[i];
        if (matched[n] === 0) hit.push(n);
        score[n] += found.weights[i] * rarity;
        matched[n] |= 1 << k;
      }
    }
    // As a portal does: the documents holding every word; only when none does, those holding
    // the most (material would list every document holding any word, "합성 제품 1234" all 10,000).
    var most = 0;
    for (i = 0; i < hit.length; i++) most = Math.max(most, bits(matched[hit[i]]));
    if (words.length > 1) hit = hit.filter(function (n) { return bits(matched[n]) === most; });
    // Material's own finish: a page above its sections.
    for (i = 0; i < hit.length; i++) {
      n = hit[i];
      var lift = (docs[n].article ? 1 : 0) + bits(matched[n]) / words.length;
      score[n] *= 1 + lift * lift;
    }
    // Only the best pages cross to the list: copying 10,000 results to the page took longer
    // than finding them. The page shows the true total (assets/search.js).
    var seen = new Uint8Array(this.pageCount), total = 0;
    for (i = 0; i < hit.length; i++) {
      var page = docs[hit[i]].page;
      if (!seen[page]) {
        seen[page] = 1;
        total++;
      }
    }
    var groups = this.bestPages(top(hit, score, SHOWN * 4), score, matched);
    if (groups.size < Math.min(SHOWN, total)) groups = this.bestPages(top(hit, score, hit.length), score, matched);
    var items = [], excerpts = 0, self = this;
    groups.forEach(function (group, page) {
      var article = self.articles[page];
      if (article >= 0 && !group.some(function (r) { return r.n === article; }))
        group.push({ n: article, score: 0, mask: 0 });
      items.push(group.map(function (result) {
        return self.item(result, words, excerpts++ < EXCERPTS);
      }));
    });
    return { items: items, total: total };
  };

  // The documents scoring in the top count, best first (a full sort of 10,000 every keystroke
  // was a fifth of a query on a phone; a typed array sorts its numbers natively).
  function top(hit, score, count) {
    if (hit.length > count) {
      var scores = new Float64Array(hit.length);
      for (var i = 0; i < hit.length; i++) scores[i] = score[hit[i]];
      scores.sort();
      var least = scores[hit.length - count];
      hit = hit.filter(function (n) { return score[n] >= least; });
    }
    return hit.sort(function (a, b) { return score[b] - score[a]; });
  }

  // Pages in order of their best document, up to SHOWN, each with its documents.
  Engine.prototype.bestPages = function (ranked, score, matched) {
    var groups = new Map();
    for (var i = 0; i < ranked.length; i++) {
      var n = ranked[i], page = this.docs[n].page;
      if (!groups.has(page) && groups.size < SHOWN) groups.set(page, []);
      var group = groups.get(page);
      if (group) group.push({ n: n, score: score[n], mask: matched[n] });
    }
    return groups;
  };

  function bits(mask) {
    var count = 0;
    for (; mask; mask &= mask - 1) count++;
    return count;
  }

  // A result as material's list shows it: the fields it reads, no more (a result crosses to
  // the page as a copy; copying each document's whole index entry cost more than the search).
  Engine.prototype.item = function (result, words, excerpt) {
    var entry = this.docs[result.n], doc = entry.doc;
    var item = { location: doc.location, score: result.score, terms: {} };
    // Which words the document holds: material lists the others as missing.
    if (result.mask) words.forEach(function (word, k) { item.terms[word] = !!(result.mask & (1 << k)); });
    if (!excerpt) {
      item.title = String(doc.title || "");
      item.text = entry.teaser;
    } else {
      var title = plain(doc.title), lower = title.toLowerCase();
      item.title = mark(title, words, 0, Infinity);
      // An item's teaser (photo, enterprise, price) says enough when its name holds the words;
      // otherwise, and for every other page, an excerpt shows where they are. (Each excerpt
      // costs material's list a few milliseconds of a phone's main thread.)
      var named = entry.teaser && words.every(function (word) { return lower.indexOf(word) >= 0; });
      if (!named && entry.plain === undefined) entry.plain = plain(entry.body);  // kept for the next keystroke
      // An item's excerpt is one short line inside its teaser, beside the photo (under it, a
      // band of white stood between the two)
      item.text = !entry.teaser ? cut(entry.plain, words, EXCERPT_LENGTH)
        : named ? entry.teaser
        : entry.teaser.replace(/<\/p> ?$/, ' <span class="sc-search-excerpt">' + cut(entry.plain, words, ITEM_EXCERPT) + "</span></p>");
    }
    if (doc.tags) item.tags = doc.tags;
    return item;
  };

  // Where the words first appear in the text: a window around it, the words marked.
  function cut(text, words, length) {
    var lower = text.toLowerCase(), first = -1;
    words.forEach(function (word) {
      var at = lower.indexOf(word);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - EXCERPT_BEFORE);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < first) start = space + 1;
    }
    var end = Math.min(text.length, start + length);
    if (end < text.length) {  // end between words ("가격: 80, …" cut a price)
      var last = text.lastIndexOf(" ", end);
      if (last > first + 2) end = last;
    }
    return (start > 0 ? "… " : "") + mark(text, words, start, end) + (end < text.length ? " …" : "");
  }

  // Escaped text between start and end, each occurrence of a word in <mark>.
  function mark(text, words, start, end) {
    end = Math.min(end, text.length);
    var lower = text.toLowerCase(), out = "", at = start;
    while (at < end) {
      var next = -1, length = 0;
      words.forEach(function (word) {
        var found = lower.indexOf(word, at);
        if (found >= 0 && found < end && (next < 0 || found < next || (found === next && word.length > length))) {
          next = found;
          length = word.length;
        }
      });
      if (next < 0) break;
      var stop = Math.min(end, next + length);
      out += escapeHTML(text.slice(at, next)) + "<mark>" + escapeHTML(text.slice(next, stop)) + "</mark>";
      at = stop;
    }
    return out + escapeHTML(text.slice(at, end));
  }

  // Material's page sends its index file, which the build leaves holding only the config
  // (site/search.py): every page parses it on its main thread. The documents are in ours,
  // fetched and read here, off the page's thread. A query typed meanwhile is answered once
  // the index is in.
  var INDEX = "../../../search/secatalog-index.json";  // from assets/javascripts/workers/
  var engine = null, waiting = null;
  function answer(query) {
    var result;
    try {
      result = engine.search(query);
    } catch (error) {
      console.warn(error);
      result = { items: [] };
    }
    self.postMessage({ type: RESULT, data: result });
  }
  function setup(data) {
    return fetch(new URL(INDEX, self.location.href))
      .then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      })
      .catch(function (error) {
        console.warn(error);
        return data;  // (material's own file, whatever it holds)
      })
      .then(function (index) {
        engine = new Engine(index || {});
        self.postMessage({ type: READY });
        if (waiting !== null) answer(waiting);
        waiting = null;
      });
  }
  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP) setup(message.data || {});
    else if (message.type === QUERY) {
      var query = String(message.data || "");
      if (engine) answer(query); else waiting = query;
    }
  });
})();
