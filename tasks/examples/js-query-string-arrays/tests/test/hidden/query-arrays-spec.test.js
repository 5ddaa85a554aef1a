'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { stringify, parse } = require('../../src/query');
const { buildUrl } = require('../../src/url');

test('scalar behaviour is unchanged', () => {
  assert.strictEqual(stringify({ q: 'red shoes', page: 2, 'a&b': '=', n: null, u: undefined, z: 0 }),
    'q=red%20shoes&page=2&a%26b=%3D&z=0');
  assert.deepStrictEqual(parse('?q=red+shoes&page=2&flag&&x=%26'), { q: 'red shoes', page: '2', flag: '', x: '&' });
  assert.deepStrictEqual(parse(''), {});
  assert.deepStrictEqual(parse('?'), {});
});

test('stringify repeats the key once per element, in order', () => {
  assert.strictEqual(stringify({ tag: ['red', 'blue'] }), 'tag=red&tag=blue');
  assert.strictEqual(stringify({ a: 1, tag: ['x', 'y', 'z'], b: 2 }), 'a=1&tag=x&tag=y&tag=z&b=2');
  assert.strictEqual(stringify({ 'size[]': ['s m', '&'] }), 'size%5B%5D=s%20m&size%5B%5D=%26');
  assert.strictEqual(stringify({ n: [0, false, ''] }), 'n=0&n=false&n=');
});

test('stringify skips null elements and empty arrays', () => {
  assert.strictEqual(stringify({ tag: [null, 'a', undefined] }), 'tag=a');
  assert.strictEqual(stringify({ tag: [], q: 'x' }), 'q=x');
  assert.strictEqual(stringify({ tag: [null] }), '');
});

test('parse turns repeated keys into arrays in order', () => {
  assert.deepStrictEqual(parse('tag=red&q=x&tag=blue&tag=green'), { tag: ['red', 'blue', 'green'], q: 'x' });
  assert.deepStrictEqual(parse('?t=a+b&t=%26&t'), { t: ['a b', '&', ''] });
  assert.deepStrictEqual(parse('q=x'), { q: 'x' });
});

test('parse option arrays always returns arrays for the named keys', () => {
  assert.deepStrictEqual(parse('q=x&tag=red', { arrays: ['tag'] }), { q: 'x', tag: ['red'] });
  const empty = parse('q=x', { arrays: ['tag'] });
  assert.deepStrictEqual(empty.tag, []);
  assert.strictEqual(empty.q, 'x');
  assert.deepStrictEqual(parse('', { arrays: ['tag'] }).tag, []);
  assert.deepStrictEqual(parse('tag=a&tag=b', { arrays: ['tag'] }), { tag: ['a', 'b'] });
  assert.strictEqual(parse('q=x&q=y', { arrays: ['tag'] }).q.length, 2);
  assert.strictEqual(parse('q=x', { arrays: [] }).q, 'x');
});

test('arrays round trip through stringify and parse', () => {
  const params = { q: 'shoes & socks', tag: ['red', 'blue', 'a=b'], one: ['only'] };
  const back = parse(stringify(params), { arrays: ['tag', 'one'] });
  assert.deepStrictEqual(back.tag, params.tag);
  assert.deepStrictEqual(back.one, ['only']);
  assert.strictEqual(back.q, params.q);
});

test('buildUrl writes arrays', () => {
  assert.strictEqual(buildUrl('/shop', { tag: ['red', 'blue'] }), '/shop?tag=red&tag=blue');
  assert.strictEqual(buildUrl('/shop?lang=en', { tag: ['x'], page: 2 }), '/shop?lang=en&tag=x&page=2');
  assert.strictEqual(buildUrl('/shop', { tag: [] }), '/shop');
});
