/* The comparison's keep-cost table: a button orders the brands by what keeping the number costs a
   year (cheapest first, in yuan at the page's reference rate; brands with no known cost last), and
   back by country or region. On a narrow screen each row is a card (guide.css), so the same order
   applies to the cards. Without JavaScript the table is in the order of the places, which reads on
   its own. Works from the site's own files, online and from file://. */
(function () {
  "use strict";

  function init() {
    var marker = document.querySelector("div.keep-sort");
    if (!marker) return;
    var table = marker.nextElementSibling;
    while (table && !table.querySelector("table")) table = table.nextElementSibling;
    var body = table ? table.querySelector("table tbody") : null;
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) {
      row.setAttribute("data-place-order", String(i));
    });

    function key(row) {
      var span = row.querySelector(".keep-cost[data-cny]");
      var value = span ? parseFloat(span.getAttribute("data-cny")) : NaN;
      return isNaN(value) ? Infinity : value;
    }

    var byCost = false;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button keep-sort__button";

    function show() {
      var ordered = rows.slice().sort(function (a, b) {
        if (byCost) {
          var d = key(a) - key(b);
          if (d !== 0 && !isNaN(d)) return d;
        }
        return Number(a.getAttribute("data-place-order")) - Number(b.getAttribute("data-place-order"));
      });
      ordered.forEach(function (row) {
        body.appendChild(row);
      });
      button.textContent = marker.getAttribute(byCost ? "data-sort-place" : "data-sort-cost");
    }

    button.addEventListener("click", function () {
      byCost = !byCost;
      show();
    });
    marker.appendChild(button);
    marker.hidden = false;
    show();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
