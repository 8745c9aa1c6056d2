/* An item page on a phone: the bar of mail and call at the screen's foot shows only while the
   same buttons beside the facts are out of view (both at once read as a repeat). */
(function () {
  "use strict";
  function watch() {
    var bar = document.querySelector(".sc-buybar");
    var inline = document.querySelector(".sc-item__facts .sc-actions");
    if (!bar || !inline || !window.IntersectionObserver) return;
    new IntersectionObserver(function (entries) {
      bar.classList.toggle("sc-buybar--hidden", entries[0].isIntersecting);
    }).observe(inline);
  }
  if (window.document$) window.document$.subscribe(watch);
  else document.addEventListener("DOMContentLoaded", watch);
})();
