/* 바로찾기 is about seventeen phone screens long: a switch shows only the items that may be bought
   by sole-source contract, and hides a category with none. Without scripts the switch stays
   hidden and the whole table shows. */
(function () {
  "use strict";
  function watch() {
    var page = document.querySelector(".sc-quick-page");
    var box = page && page.querySelector("#sc-eligible-only");
    if (!box) return;
    box.closest(".sc-only").hidden = false;
    function apply() {
      page.classList.toggle("sc-quick-page--eligible", box.checked);
      page.querySelectorAll("table.sc-quick").forEach(function (table) {
        var none = box.checked && !table.querySelector("tbody tr:not(.sc-not-eligible)");
        var section = table.closest(".md-typeset__scrollwrap") || table;
        section.hidden = none;
        var heading = section.previousElementSibling;
        if (!heading || heading.tagName !== "H2") return;
        heading.hidden = none;
        var chip = page.querySelector('.sc-subnav a[href="#' + heading.id + '"]');
        if (chip) chip.parentElement.hidden = none;  // no chip leading to a hidden category
      });
    }
    box.addEventListener("change", apply);
    apply();
  }
  if (window.document$) window.document$.subscribe(watch);
  else document.addEventListener("DOMContentLoaded", watch);
})();
