/* The accounts page's checklist: a box per service, ticked when the reader has moved that account
   off the old number. What a tick means is said once, in the checklist's intro; each box is named
   for screen readers ("<service> – done"), not captioned on every line. The ticks are kept only in
   this browser (localStorage, under one key of this site's own) and are never sent anywhere.
   Without JavaScript the list is a plain list of links. Works from the site's own files, online
   and from file://. */
(function () {
  "use strict";
  var KEY = "baohao-guide:accounts-done";

  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return []; // storage blocked or unreadable: the boxes still work until the page is left
    }
  }

  function save(done) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(done));
    } catch (e) {
      // storage blocked (private mode, full): nothing to do
    }
  }

  function init() {
    var list = document.querySelector("ul.accounts-checklist");
    if (!list) return;
    var text = document.querySelector(".accounts-checklist__done");
    var label = text ? text.textContent : "";
    var done = load();
    Array.prototype.forEach.call(list.querySelectorAll("li[data-service]"), function (item) {
      var id = item.getAttribute("data-service");
      var link = item.querySelector("a");
      var box = document.createElement("input");
      box.type = "checkbox";
      // the page names the box (done--<id>: no service's id can be the same, see scripts/baohao/anchors.py)
      box.id = item.getAttribute("data-box") || "done--" + id;
      box.checked = done.indexOf(id) !== -1;
      box.setAttribute("aria-label", (link ? link.textContent + " – " : "") + label);
      item.classList.toggle("is-done", box.checked);
      box.addEventListener("change", function () {
        var now = load().filter(function (other) { return other !== id; });
        if (box.checked) now.push(id);
        save(now);
        item.classList.toggle("is-done", box.checked);
      });
      item.insertBefore(box, item.firstChild);
    });
    list.setAttribute("data-ready", "");
  }

  init();
})();
