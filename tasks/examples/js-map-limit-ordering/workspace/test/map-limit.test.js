'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { mapLimit } = require('../src/map-limit');
const { fetchAll } = require('../src/fetch-all');

test('maps every item', async () => {
  const results = await mapLimit([1, 2, 3], 2, async (x) => x * 10);
  assert.deepStrictEqual(results.slice().sort((a, b) => a - b), [10, 20, 30]);
});

test('empty input', async () => {
  assert.deepStrictEqual(await mapLimit([], 3, async () => 1), []);
});

test('propagates a failure', async () => {
  await assert.rejects(mapLimit([1, 2], 1, async (x) => {
    if (x === 2) throw new Error('boom');
    return x;
  }), /boom/);
});

test('fetchAll fetches every page', async () => {
  const pages = await fetchAll(['/p/1', '/p/2'], { fetchJson: async (url) => ({ url }) });
  assert.strictEqual(pages.length, 2);
});
