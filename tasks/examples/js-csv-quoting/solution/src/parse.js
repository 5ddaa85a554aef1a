'use strict';

/** Index of the quote closing a field whose content starts at `from`, or -1. */
function closingQuote(text, from) {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] !== '"') return i;
      i += 2; // an escaped quote
    } else {
      i += 1;
    }
  }
  return -1;
}

/**
 * CSV text (RFC 4180) as an array of records, each an array of field strings. Quoted fields
 * may hold commas, doubled quotes and line breaks, so the text is scanned character by
 * character rather than split into lines first.
 */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let atFieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && atFieldStart) {
      const close = closingQuote(text, i + 1);
      if (close === -1) throw new Error(`unterminated quoted field starting at offset ${i}`);
      field = text.slice(i + 1, close).replace(/""/g, '"');
      atFieldStart = false;
      i = close + 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      endRecord();
      i += ch === '\n' ? 1 : 2;
    } else {
      field += ch;
      atFieldStart = false;
      i += 1;
    }
  }
  // The last record has no line break after it, unless the text ended with one.
  if (!atFieldStart || record.length > 0) endRecord();
  return records;
}

module.exports = { parseCsv };
