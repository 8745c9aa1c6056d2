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
})();
