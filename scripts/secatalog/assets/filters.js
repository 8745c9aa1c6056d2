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
  function setup(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".sc-card"));
    var status = form.querySelector(".sc-filters__status");
    function apply() {
      var data = new FormData(form), f = {};
      data.forEach(function (v, k) { f[k] = String(v); });
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card, f);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".sc-cards").forEach(function (list) {
        var heading = list.previousElementSibling;
        var any = list.querySelector(".sc-card:not([hidden])") !== null;
        if (heading && heading.tagName === "H2") heading.hidden = !any;
      });
      status.textContent = "전체 " + cards.length + "개 중 " + shown + "개를 보여 줍니다.";
    }
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }
  document.querySelectorAll("[data-sc-filters]").forEach(setup);
})();
