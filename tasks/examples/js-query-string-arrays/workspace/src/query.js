'use strict';

/**
 * `{ q: 'red shoes', page: 2 }` -> `q=red%20shoes&page=2`. Keys keep their insertion order;
 * `null` and `undefined` values are left out.
 */
function stringify(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

function decode(text) {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * `?q=red+shoes&page=2` -> `{ q: 'red shoes', page: '2' }`. A leading `?` is ignored, `+`
 * means a space, and a key without `=` has the value ''.
 */
function parse(query) {
  const result = {};
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text === '') return result;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    result[key] = value;
  }
  return result;
}

module.exports = { stringify, parse };
