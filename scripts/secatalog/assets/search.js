/* secatalog: search as Korean is typed. Material searches on keyup, but an input method
   commits Hangul without one (and a pasted or dictated word fires none either): pass every
   input and composition end on as a keyup, so results follow the text in the box. */
(function () {
  "use strict";
  function hook(input) {
    function again(event) {
      if (event.isComposing) return;  // mid-syllable: wait for compositionend
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
    input.addEventListener("input", again);
    input.addEventListener("compositionend", again);
  }
  var input = document.querySelector("input.md-search__input");
  if (input) hook(input);

  /* Our search worker sends the best 100 pages and the true total (see workers/search.js);
     material counts what it was sent, so say the total, and that the list is its start. */
  function translation(key) {
    var config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).translations[key]; } catch (error) { return null; }
  }
  function count(result) {
    if (!result || typeof result.total !== "number" || !result.items || result.total <= result.items.length) return;
    var meta = result.ref && result.ref.querySelector(".md-search-result__meta");
    var other = translation("search.result.other");
    if (!meta || !other) return;
    meta.textContent = other.replace("#", result.total.toLocaleString()) +
      (document.documentElement.lang === "ko" ? " (앞의 " + result.items.length + "개를 보여 줍니다)" : "");
  }
  /* A search that finds nothing offers a shorter word (of two syllables or more: one syllable
     finds everything and helps nobody), the categories and the quick finder. */
  function empty(result) {
    var box = document.querySelector(".sc-search-empty");
    if (!box || !input || !result || !result.items) return;
    var query = input.value.trim();
    box.hidden = !(query && result.items.length === 0);
    var shorter = box.querySelector(".sc-search-shorter");
    var word = Array.from(query.split(/\s+/).pop() || "");
    shorter.hidden = box.hidden || word.length < 3;
    if (shorter.hidden) return;
    var less = query.slice(0, query.length - word[word.length - 1].length);
    var button = shorter.querySelector("button");
    button.textContent = "‘" + less + "’" + toParticle(less) + " 다시 찾기";
    button.onclick = function () {
      input.value = less;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    };
  }
  // 으로 after a final consonant other than ㄹ, else 로 (as korean.josa does in Python).
  function toParticle(word) {
    var last = word.charCodeAt(word.length - 1);
    if (last < 0xac00 || last > 0xd7a3) return "로"; // a word typed in Latin letters or digits
    var final = (last - 0xac00) % 28;
    return final === 0 || final === 8 ? "로" : "으로";
  }
  if (window.component$) {
    window.component$.subscribe(count);
    window.component$.subscribe(empty);
  }

  /* Each result says what it is (제품·서비스, 기업, 사례, …) from its address: a list of bare
     titles mixed products with guide pages. */
  var KINDS = [["items/", "제품·서비스"], ["enterprises/", "기업"], ["casebook/how-to-buy/", "안내"],
               ["casebook/$", "사례집"], ["casebook/", "사례"], ["categories/", "분류"], ["bundles/", "꾸러미"]];
  function label(link) {
    if (link.querySelector(".sc-result-kind")) return;
    var path = new URL(link.href, location.href).pathname.replace(/index\.html$/, "");
    var kind = KINDS.filter(function (k) {
      var at = path.lastIndexOf("/" + k[0].replace("$", ""));
      return at !== -1 && (k[0].slice(-1) !== "$" || at + k[0].length === path.length);
    })[0];
    var title = link.querySelector("h1, h2");
    if (!title) return;
    var tag = document.createElement("span");
    tag.className = "sc-result-kind";
    tag.textContent = kind ? kind[1] : "안내";
    title.parentNode.insertBefore(tag, title);
  }
  var list = document.querySelector(".md-search-result__list");
  if (list && window.MutationObserver) {
    new MutationObserver(function () {
      list.querySelectorAll("a.md-search-result__link").forEach(label);
    }).observe(list, { childList: true, subtree: true });
  }
})();
