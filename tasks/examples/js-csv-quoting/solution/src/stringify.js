'use strict';

// RFC 4180: these characters force a field into quotes.
const NEEDS_QUOTES = /[",\r\n]/;

function formatField(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (arrays of values) as CSV text; every record ends with "\r\n". */
function toCsv(rows) {
  return rows.map((row) => row.map(formatField).join(',') + '\r\n').join('');
}

module.exports = { toCsv };
