'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { parseCsv, toCsv } = require('../../src');

test('writes plain rows', () => {
  assert.strictEqual(toCsv([['name', 'age'], ['Ada', 36]]), 'name,age\r\nAda,36\r\n');
});

test('quotes fields with commas', () => {
  assert.strictEqual(toCsv([['Lovelace, Ada', 'x']]), '"Lovelace, Ada",x\r\n');
});

test('quotes and doubles embedded quotes', () => {
  assert.strictEqual(toCsv([['He said "hi"', 'ok']]), '"He said ""hi""",ok\r\n');
  assert.strictEqual(toCsv([['"']]), '""""\r\n');
});

test('quotes fields with line breaks', () => {
  assert.strictEqual(toCsv([['1 Main St\nSpringfield', 'b']]), '"1 Main St\nSpringfield",b\r\n');
  assert.strictEqual(toCsv([['a\r\nb', 'c\rd']]), '"a\r\nb","c\rd"\r\n');
});

test('writes other fields as they are', () => {
  assert.strictEqual(toCsv([[null, undefined, 0, false, ' padded ', "it's"]]),
    ',,0,false, padded ,it\'s\r\n');
  assert.strictEqual(toCsv([]), '');
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

test('reads doubled quotes', () => {
  assert.deepStrictEqual(parseCsv('"He said ""hi""",x\r\n""""\r\n'), [['He said "hi"', 'x'], ['"']]);
});

test('reads line breaks inside quotes', () => {
  assert.deepStrictEqual(parseCsv('id,address\r\n1,"1 Main St\nSpringfield"\r\n2,"a\r\nb"\r\n'), [
    ['id', 'address'],
    ['1', '1 Main St\nSpringfield'],
    ['2', 'a\r\nb'],
  ]);
});

test('reads empty fields and a missing final line break', () => {
  assert.deepStrictEqual(parseCsv('a,,c\n,"",\nlast,row'), [
    ['a', '', 'c'],
    ['', '', ''],
    ['last', 'row'],
  ]);
});

test('accepts both record separators', () => {
  assert.deepStrictEqual(parseCsv('a,b\r\nc,d\ne,f'), [['a', 'b'], ['c', 'd'], ['e', 'f']]);
});

test('an unterminated quote is an error', () => {
  assert.throws(() => parseCsv('a,"never closed\nb,c\n'), (e) => e instanceof Error && /unterminated/i.test(e.message));
  assert.throws(() => parseCsv('"'), /unterminated/i);
});

test('round trips tricky rows', () => {
  const rows = [
    ['name', 'note', 'address'],
    ['Ada', 'He said "hi", then left', '1 Main St\r\nSpringfield'],
    ['', ',', '"'],
    ['""', 'line\nbreak', 'tab\there'],
  ];
  assert.deepStrictEqual(parseCsv(toCsv(rows)), rows);
});

test('round trips random rows', () => {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const alphabet = ['a', 'b', ' ', ',', '"', '\n', '\r', '\r\n', 'é', ';'];
  for (let round = 0; round < 200; round += 1) {
    const rows = [];
    const width = 2 + (next() % 3);
    for (let r = 0; r < 1 + (next() % 4); r += 1) {
      const row = [];
      for (let c = 0; c < width; c += 1) {
        let field = '';
        for (let k = next() % 6; k > 0; k -= 1) field += alphabet[next() % alphabet.length];
        row.push(field);
      }
      rows.push(row);
    }
    assert.deepStrictEqual(parseCsv(toCsv(rows)), rows, JSON.stringify(rows));
  }
});
