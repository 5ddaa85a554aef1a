// Sorting for every table.sortable: each column heading is a button (keyboard-focusable);
// a second press reverses the order. Cells sort by their data-v value when they carry one
// (numbers, unknown last), else by their text. Without script the table keeps its ranking.
(function () {
  "use strict";
  function key(cell) {
    if (!cell) return { known: false };
    var raw = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
    if (raw === "") return { known: false };
    var number = Number(raw);
    return isNaN(number) ? { known: true, text: raw.toLowerCase() } : { known: true, number: number };
  }
  function compare(a, b) {
    if (!a.known || !b.known) return a.known === b.known ? 0 : (a.known ? -1 : 1);
    if (a.number !== undefined && b.number !== undefined) return a.number - b.number;
    var x = a.text !== undefined ? a.text : String(a.number);
    var y = b.text !== undefined ? b.text : String(b.number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function sortBy(table, th) {
    var headers = Array.prototype.slice.call(th.parentNode.children);
    var column = headers.indexOf(th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: key(row.cells[column]), index: index };
    });
    rows.sort(function (a, b) {
      var order = compare(a.key, b.key);
      // Unknown values stay last in both directions.
      if (a.key.known && b.key.known && !ascending) order = -order;
      return order || a.index - b.index;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      var button = th.querySelector("button.sort");
      if (button) button.addEventListener("click", function () { sortBy(table, th); });
    });
  });
})();
