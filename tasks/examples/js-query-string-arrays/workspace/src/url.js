'use strict';

const { stringify } = require('./query');

/** `base` with `params` appended as a query string (after `&` if `base` already has one). */
function buildUrl(base, params) {
  const query = stringify(params);
  if (query === '') return base;
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return base + separator + query;
}

module.exports = { buildUrl };
