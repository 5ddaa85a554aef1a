'use strict';

function formatField(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(',') ? `"${text}"` : text;
}

/** Rows (arrays of values) as CSV text; every record ends with "\r\n". */
function toCsv(rows) {
  return rows.map((row) => row.map(formatField).join(',') + '\r\n').join('');
}

module.exports = { toCsv };
