'use strict';

function pair(key, value) {
  return `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
}

/**
 * `{ q: 'red shoes', page: 2, tag: ['a', 'b'] }` -> `q=red%20shoes&page=2&tag=a&tag=b`.
 * Keys keep their insertion order; `null` and `undefined` values (and array elements) are left
 * out; an array repeats its key once per element, so an empty array writes nothing.
 */
function stringify(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== null && v !== undefined) parts.push(pair(key, v));
    }
  }
  return parts.join('&');
}

function decode(text) {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * `?q=red+shoes&page=2` -> `{ q: 'red shoes', page: '2' }`. A leading `?` is ignored, `+`
 * means a space, and a key without `=` has the value ''. A key that occurs more than once
 * gives an array of its values in order; keys named in `options.arrays` always give an array
 * (`[]` when absent).
 */
function parse(query, options = {}) {
  const alwaysArrays = new Set(options.arrays || []);
  const result = {};
  for (const key of alwaysArrays) result[key] = [];
  const text = query.startsWith('?') ? query.slice(1) : query;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    if (!Object.prototype.hasOwnProperty.call(result, key)) result[key] = value;
    else if (Array.isArray(result[key])) result[key].push(value);
    else result[key] = [result[key], value];
  }
  return result;
}

module.exports = { stringify, parse };
