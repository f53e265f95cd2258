/* Small fixes to the page once it is built; theme/main.html loads this after Material's bundle.
   Works from the site's own files, online and from file://. */
(function () {
  "use strict";

  // A printed country page ends with the address it was printed from (without query or anchor).
  document.querySelectorAll(".print-url").forEach(function (element) {
    element.textContent = location.href.split(/[?#]/)[0];
  });

  // Sources and the ways for every brand are folded (<details>) to keep a phone page short. A link
  // to something inside one ([3], #route-…) opens it first; a printed page shows everything.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("article details").forEach(function (details) { details.open = true; });
  });

  // A tool further down the page (the lapse planner) loads when the reader comes within a screen of
  // it, follows a link to it, or prints: the first screen costs no tool's script. The scripts named
  // for it load one after the other, in the page's order (the planner's words, then the planner).
  var lazy = Array.prototype.slice.call(document.querySelectorAll('meta[name="baohao:lazy-script"]'));
  var started = false;
  function loadFrom(index) {
    if (index >= lazy.length) return;
    var script = document.createElement("script");
    script.src = lazy[index].getAttribute("content");
    script.onload = function () { loadFrom(index + 1); };
    document.body.appendChild(script);
  }
  function loadAll() {
    if (started) return;
    started = true;
    loadFrom(0);
  }
  if (lazy.length) {
    var near = document.querySelector(lazy[0].getAttribute("data-near"));
    if (!near || !("IntersectionObserver" in window)) {
      loadAll();
    } else {
      new IntersectionObserver(function (entries, observer) {
        if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); loadAll(); }
      }, { rootMargin: "100% 0px" }).observe(near);
      window.addEventListener("beforeprint", loadAll);
    }
  }

  // Material's search dialog has no accessible name (axe: aria-dialog-name): give it the
  // search field's own, already translated, label.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    var input = dialog.querySelector(".md-search__input");
    if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  });
})();
