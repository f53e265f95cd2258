/* Small fixes to the page once it is built; theme/main.html loads this after Material's bundle.
   Works from the site's own files, online and from file://. */
(function () {
  "use strict";

  // A printed country page ends with the address it was printed from (without query or anchor).
  document.querySelectorAll(".print-url").forEach(function (element) {
    element.textContent = location.href.split(/[?#]/)[0];
  });

  // Material's search dialog has no accessible name (axe: aria-dialog-name): give it the
  // search field's own, already translated, label.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    var input = dialog.querySelector(".md-search__input");
    if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  });
})();
