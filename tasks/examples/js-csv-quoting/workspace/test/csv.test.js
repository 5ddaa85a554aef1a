'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { parseCsv, toCsv } = require('../src');

test('writes plain rows', () => {
  assert.strictEqual(toCsv([['name', 'age'], ['Ada', 36]]), 'name,age\r\nAda,36\r\n');
});

test('quotes fields with commas', () => {
  assert.strictEqual(toCsv([['Lovelace, Ada', 'x']]), '"Lovelace, Ada",x\r\n');
});

test('reads plain and quoted fields', () => {
  assert.deepStrictEqual(parseCsv('name,city\nAda,"London, UK"\n'), [
    ['name', 'city'],
    ['Ada', 'London, UK'],
  ]);
});

test('empty input has no records', () => {
  assert.deepStrictEqual(parseCsv(''), []);
});
