/* Route finder: narrows a country page to the ways to cancel that fit the reader's answers.
   The form is hidden in the HTML and shown here, so without JavaScript every way stays visible.
   Works from the site's own files, online and from file://. */
(function () {
  "use strict";
  var QUESTIONS = ["in", "sim", "passport", "refund"];

  function answer(form, name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : null;
  }

  function routes() {
    return Array.prototype.map.call(document.querySelectorAll("article h3[data-kind]"), function (heading) {
      var parts = [heading];
      var next = heading.nextElementSibling;
      while (next && !/^H[23]$/.test(next.tagName)) {
        parts.push(next);
        next = next.nextElementSibling;
      }
      return {
        parts: parts,
        kind: heading.getAttribute("data-kind"),
        abroad: heading.getAttribute("data-abroad"),
        documents: (heading.getAttribute("data-documents") || "").split(" ").filter(Boolean),
        operators: (heading.getAttribute("data-operators") || "").split(" ").filter(Boolean)
      };
    });
  }

  function operator(form) {
    var select = form.querySelector("select[name=operator]");
    return select ? select.value : "";
  }

  // The documents the reader said they do not have: a question that asks about documents names
  // them in its fieldset's data-documents (ids from data/documents.yml, as on the routes).
  function missingDocuments(form) {
    var missing = [];
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-documents]"), function (question) {
      if (question.querySelector('input[value="no"]:checked')) {
        missing = missing.concat(question.getAttribute("data-documents").split(" ").filter(Boolean));
      }
    });
    return missing;
  }

  function fits(form, route) {
    var op = operator(form);
    if (op && route.operators.length && route.operators.indexOf(op) < 0) return false;
    if (answer(form, "in") === "no" && route.abroad === "no") return false;
    var missing = missingDocuments(form);
    if (route.documents.some(function (d) { return missing.indexOf(d) >= 0; })) return false;
    // letting the number lapse loses the balance
    if (answer(form, "refund") === "yes" && route.kind === "lapse") return false;
    return true;
  }

  function show(form, name, visible) {
    var message = form.querySelector('[data-result="' + name + '"]');
    if (message) message.hidden = !visible;
  }

  // the ways that fit, as links, right under the questions
  function listWays(form, fitting) {
    var list = form.querySelector('[data-result="ways"]');
    if (!list) return;
    list.textContent = "";
    fitting.forEach(function (route) {
      var heading = route.parts[0];
      var link = document.createElement("a");
      link.href = "#" + heading.id;
      link.textContent = heading.firstChild ? heading.firstChild.textContent : heading.textContent;
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = fitting.length === 0;
  }

  function countryPage(form) {
    var all = routes();
    function update() {
      var asked = operator(form) !== "" || QUESTIONS.some(function (q) { return answer(form, q) !== null; });
      var fitting = all.filter(function (route) { return fits(form, route); });
      all.forEach(function (route) {
        var visible = !asked || fitting.indexOf(route) >= 0;
        route.parts.forEach(function (part) { part.classList.toggle("finder-hidden", !visible); });
      });
      // away from the country, are the only ways confirmed to work from abroad the lapse ones?
      var confirmed = fitting.filter(function (r) { return r.abroad === "yes"; });
      var away = answer(form, "in") === "no";
      var onlyLapse = away && confirmed.length > 0 && confirmed.every(function (r) { return r.kind === "lapse"; });
      var wantsRefund = answer(form, "refund") === "yes";
      show(form, "none", asked && fitting.length === 0);
      show(form, "lapse-only", asked && onlyLapse);
      show(form, "some", asked && fitting.length > 0 && !onlyLapse);
      listWays(form, asked ? fitting : []);
      show(form, "no-refund", wantsRefund && form.getAttribute("data-refunds") !== "yes");
      show(form, "lapse-no-refund", wantsRefund && all.some(function (r) { return r.kind === "lapse"; }));
    }
    var params = new URLSearchParams(location.search);
    var select = form.querySelector("select[name=operator]");
    if (select && params.get("operator")) select.value = params.get("operator");
    QUESTIONS.forEach(function (q) {
      var input = form.querySelector('input[name="' + q + '"][value="' + params.get(q) + '"]');
      if (input) input.checked = true;
    });
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  // The home page: no place is chosen at first, and the finder gives no answer until one is.
  function homePage(form) {
    var select = form.querySelector("select[name=country]");
    function choose(missing) {
      show(form, "choose", missing);
      if (missing) select.setAttribute("aria-invalid", "true");
      else select.removeAttribute("aria-invalid");
    }
    select.addEventListener("change", function () { if (select.value) choose(false); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var code = select.value;
      var link = code && document.querySelector('article a[data-country="' + code + '"]');
      choose(!link);
      if (!link) {
        select.focus();
        return;
      }
      var params = QUESTIONS.map(function (q) { return [q, answer(form, q)]; })
        .filter(function (pair) { return pair[1] !== null; })
        .map(function (pair) { return pair[0] + "=" + pair[1]; });
      var target = link.getAttribute("href").split("#")[0];
      location.href = target + (params.length ? "?" + params.join("&") : "") + "#finder";
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.route-finder"), function (form) {
    form.hidden = false;
    if (form.classList.contains("route-finder--home")) homePage(form);
    else countryPage(form);
  });
})();
