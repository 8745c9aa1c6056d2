/* Copy buttons for the embed snippets. */
(function () {
  "use strict";
  document.querySelectorAll("[data-sc-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var code = document.getElementById(button.getAttribute("data-sc-copy"));
      var done = function () { button.textContent = "복사했습니다"; };
      if (navigator.clipboard) navigator.clipboard.writeText(code.textContent).then(done, function () {});
    });
  });
})();
