'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { stringify, parse } = require('../src/query');
const { buildUrl } = require('../src/url');

test('stringify encodes keys and values', () => {
  assert.strictEqual(stringify({ q: 'red shoes', page: 2, 'a&b': '=' }), 'q=red%20shoes&page=2&a%26b=%3D');
});

test('stringify skips null and undefined', () => {
  assert.strictEqual(stringify({ a: null, b: undefined, c: 0, d: '' }), 'c=0&d=');
});

test('parse decodes and ignores a leading question mark', () => {
  assert.deepStrictEqual(parse('?q=red+shoes&page=2&flag'), { q: 'red shoes', page: '2', flag: '' });
});

test('buildUrl appends a query', () => {
  assert.strictEqual(buildUrl('/search', { q: 'x' }), '/search?q=x');
  assert.strictEqual(buildUrl('/search?lang=en', { q: 'x' }), '/search?lang=en&q=x');
  assert.strictEqual(buildUrl('/search', {}), '/search');
});
