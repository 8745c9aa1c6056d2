/* Client-side filters for category pages. Without JavaScript the form stays hidden and
   every card is shown, so the page works as a plain list. */
(function () {
  "use strict";
  function matches(card, f) {
    var d = card.dataset;
    if (f.org && d.org !== f.org) return false;
    if (f.cert && (" " + d.certs + " ").indexOf(" " + f.cert + " ") < 0) return false;
    if (f.eligible && d.eligible !== "1") return false;
    if (f.gift && d.gift !== "1") return false;
    if (f.month && d.months !== "all" && (" " + d.months + " ").indexOf(" " + f.month + " ") < 0) return false;
    if (f.min || f.max) {
      if (d.price === "") return false;
      var price = Number(d.price);
      if (f.min && price < Number(f.min)) return false;
      if (f.max && price > Number(f.max)) return false;
    }
    return true;
  }
  // What each condition is called, for the hint when nothing matches.
  var NAMES = { org: "조직 유형", cert: "인증", month: "판매 시기", min: "최저 가격", max: "최고 가격",
    eligible: "수의계약 가능만", gift: "선물 한도 이내만" };
  function setup(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".sc-card"));
    var status = form.querySelector(".sc-filters__status");
    var hint = form.querySelector(".sc-filters__none");
    var badge = form.querySelector(".sc-filters__active");
    var fold = form.querySelector(".sc-filters__fold");
    function conditions() {
      var f = {};
      new FormData(form).forEach(function (v, k) { if (String(v) !== "") f[k] = String(v); });
      return f;
    }
    function remember(f) {
      // The conditions live in the address, so a filtered list can be bookmarked or shared.
      var params = new URLSearchParams(f).toString();
      history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
    }
    function explain(f, shown) {
      // Rebuilt only when the conditions change: a change event fired by leaving a field must
      // not replace the button being clicked.
      var signature = shown > 0 ? "" : JSON.stringify(f);
      if (hint.getAttribute("data-for") === signature) return;
      hint.setAttribute("data-for", signature);
      hint.innerHTML = "";
      hint.hidden = shown > 0;
      if (shown > 0) return;
      var p = document.createElement("p");
      p.textContent = "조건에 맞는 제품·서비스가 없습니다. 조건을 하나씩 풀어 보세요:";
      hint.appendChild(p);
      Object.keys(f).forEach(function (key) {
        var one = {};
        Object.keys(f).forEach(function (k) { if (k !== key) one[k] = f[k]; });
        var count = cards.filter(function (card) { return matches(card, one); }).length;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "'" + (NAMES[key] || key) + "' 풀기 (" + count + "개)";
        button.addEventListener("click", function () {
          var field = form.elements[key];
          if (field.type === "checkbox") field.checked = false; else field.value = "";
          apply();
          field.focus();
        });
        hint.appendChild(button);
      });
    }
    function apply() {
      var f = conditions();
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card, f);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      // A subcategory with nothing left goes, its heading and its jump link with it; the jump
      // links count what is shown.
      document.querySelectorAll(".sc-section").forEach(function (section) {
        var left = section.querySelectorAll(".sc-card:not([hidden])").length;
        section.hidden = left === 0;
        var chip = document.querySelector('.sc-subnav [data-sc-section="' + section.getAttribute("data-sc-section") + '"]');
        if (!chip) return;
        chip.hidden = left === 0;
        chip.querySelector(".sc-subnav__count").firstChild.nodeValue = String(left);
      });
      var active = Object.keys(f).length;
      if (badge) {
        badge.hidden = active === 0;
        badge.textContent = active ? active + "개 적용" : "";
      }
      // The page comes with the unfiltered count; rewriting the same words would be read out again.
      var said = "전체 " + cards.length + "개 중 " + shown + "개를 보여 줍니다.";
      if (status.textContent !== said) status.textContent = said;
      explain(f, shown);
      remember(f);
    }
    new URLSearchParams(location.search).forEach(function (value, key) {
      var field = form.elements[key];
      if (!field || !field.name) return;
      if (field.type === "checkbox") field.checked = value === field.value; else field.value = value;
    });
    // On a phone the conditions start folded (the summary says how many are set), so the first
    // products are on the first screen; a desktop has the room to show them open.
    if (fold && window.matchMedia("(max-width: 44.9375em)").matches) fold.open = false;
    form.setAttribute("data-sc-ready", "");
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  document.querySelectorAll("[data-sc-filters]").forEach(setup);
})();
