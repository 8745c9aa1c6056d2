/* An item page on a phone: the bar of mail and call at the screen's foot shows only once the
   same buttons beside the facts have scrolled away above (both at once read as a repeat, and a bar
   on the first screen covered the facts the buttons are about). It starts hidden (item.html). */
(function () {
  "use strict";
  function watch() {
    var bar = document.querySelector(".sc-buybar");
    var inline = document.querySelector(".sc-item__facts .sc-actions");
    if (!bar || !inline || !window.IntersectionObserver) return;
    new IntersectionObserver(function (entries) {
      var entry = entries[0];
      bar.classList.toggle("sc-buybar--hidden", entry.isIntersecting || entry.boundingClientRect.top > 0);
    }).observe(inline);
  }
  if (window.document$) window.document$.subscribe(watch);
  else document.addEventListener("DOMContentLoaded", watch);
})();
