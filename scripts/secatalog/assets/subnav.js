/* The jump chips (바로찾기's categories, a category's subcategories): the chip of the section in
   view is marked (aria-current) and, on a phone where the chips are one sideways-scrolling row,
   scrolled into the row's view, so a reader forty screens down knows where they are. */
(function () {
  "use strict";
  function watch() {
    var nav = document.querySelector(".sc-subnav");
    if (!nav) return;
    var links = Array.prototype.slice.call(nav.querySelectorAll("a[href^='#']"));
    var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    var row = nav.querySelector("ul");
    function mark(index) {
      links.forEach(function (a, n) {
        if (n === index) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
      var chip = links[index] && links[index].parentElement;
      if (row && row.scrollWidth > row.clientWidth) {  // back at the top the row starts again at its first chip
        row.scrollLeft = chip ? chip.offsetLeft - (row.clientWidth - chip.offsetWidth) / 2 : 0;
      }
    }
    function current() {
      // Before the reader scrolls no chip is marked: the first one looked chosen at the page's top.
      if (window.scrollY < 1) return -1;
      var line = nav.getBoundingClientRect().bottom + 48, found = -1;  // a jumped-to heading lands just below
      targets.forEach(function (t, n) { if (t && t.getBoundingClientRect().top <= line) found = n; });
      var doc = document.documentElement;  // at the page's foot the last sections cannot reach the line
      if (window.innerHeight + window.scrollY >= doc.scrollHeight - 2) {
        var hash = decodeURIComponent(location.hash.slice(1)), asked = targets.findIndex(function (t) { return t && t.id === hash; });
        found = asked > found ? asked : targets.length - 1;
      }
      return found;
    }
    var shown = -2;
    function update() {
      var now = current();
      if (now !== shown) { shown = now; mark(now); }
    }
    function edges() {  // a fade where more chips are hidden beyond the row's edge (catalog.css)
      if (!row) return;
      var more = row.scrollWidth - row.clientWidth;
      row.classList.toggle("sc-more-left", more > 2 && row.scrollLeft > 2);
      row.classList.toggle("sc-more-right", more > 2 && row.scrollLeft < more - 2);
    }
    if (row) {
      row.addEventListener("scroll", edges, { passive: true });
      window.addEventListener("resize", edges);
    }
    var queued = false;
    window.addEventListener("scroll", function () {
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () { queued = false; update(); });
    }, { passive: true });
    update();
    edges();
  }
  if (window.document$) window.document$.subscribe(watch);
  else document.addEventListener("DOMContentLoaded", watch);
})();
