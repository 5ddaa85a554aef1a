'use strict';

const { mapLimit } = require('./map-limit');

/**
 * Fetches every URL with `fetchJson(url)` (which returns a promise of the parsed body), at
 * most `concurrency` at a time; resolves to the bodies in the order of `urls`.
 */
async function fetchAll(urls, { concurrency = 4, fetchJson }) {
  return mapLimit(urls, concurrency, (url) => fetchJson(url));
}

module.exports = { fetchAll };
