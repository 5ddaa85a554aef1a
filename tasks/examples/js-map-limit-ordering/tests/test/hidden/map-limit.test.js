'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { mapLimit } = require('../../src/map-limit');
const { fetchAll } = require('../../src/fetch-all');

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Lets every pending promise callback run (microtasks drain before the next macrotask).
const settle = () => new Promise((resolve) => setImmediate(resolve));

// A callback whose calls finish only when the test says so.
function controlled(count) {
  const calls = [];
  const pending = Array.from({ length: count }, deferred);
  let inFlight = 0;
  let maxInFlight = 0;
  const fn = (item, index) => {
    calls.push([item, index]);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const i = calls.length - 1;
    return pending[i].promise.finally(() => {
      inFlight -= 1;
    });
  };
  return { fn, calls, pending, stats: () => ({ inFlight, maxInFlight }) };
}

test('maps every item', async () => {
  const results = await mapLimit([1, 2, 3], 2, async (x) => x * 10);
  assert.deepStrictEqual(results, [10, 20, 30]);
});

test('empty input resolves to [] without calling', async () => {
  let called = false;
  assert.deepStrictEqual(await mapLimit([], 3, async () => { called = true; }), []);
  assert.strictEqual(called, false);
});

test('results keep input order whatever the completion order', async () => {
  const c = controlled(4);
  const result = mapLimit(['a', 'b', 'c', 'd'], 4, c.fn);
  await settle();
  for (const i of [3, 1, 2, 0]) {
    c.pending[i].resolve(`${'abcd'[i]}!`);
    await settle();
  }
  assert.deepStrictEqual(await result, ['a!', 'b!', 'c!', 'd!']);
});

test('results keep input order with timers', async () => {
  const delays = [40, 5, 25, 0, 15, 30];
  const result = await mapLimit(delays, 3, (ms, i) => new Promise((r) => setTimeout(() => r(i), ms)));
  assert.deepStrictEqual(result, [0, 1, 2, 3, 4, 5]);
});

test('never more than limit calls in flight', async () => {
  for (const limit of [1, 2, 4]) {
    const c = controlled(9);
    const result = mapLimit([...'abcdefghi'], limit, c.fn);
    await settle();
    assert.strictEqual(c.calls.length, limit, `limit ${limit}: calls started at once`);
    for (let i = 0; i < 9; i += 1) {
      c.pending[i].resolve(i);
      await settle();
      assert.ok(c.stats().maxInFlight <= limit, `limit ${limit}: ${c.stats().maxInFlight} in flight`);
    }
    assert.deepStrictEqual(await result, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.strictEqual(c.stats().maxInFlight, limit);
  }
});

test('a slot is refilled as soon as any call finishes', async () => {
  const c = controlled(4);
  const result = mapLimit([10, 20, 30, 40], 2, c.fn);
  await settle();
  assert.deepStrictEqual(c.calls, [[10, 0], [20, 1]]);
  c.pending[1].resolve('second');
  await settle();
  assert.deepStrictEqual(c.calls, [[10, 0], [20, 1], [30, 2]]);
  c.pending[2].resolve('third');
  await settle();
  assert.deepStrictEqual(c.calls.length, 4);
  c.pending[0].resolve('first');
  c.pending[3].resolve('fourth');
  assert.deepStrictEqual(await result, ['first', 'second', 'third', 'fourth']);
});

test('the callback receives the index', async () => {
  const seen = [];
  await mapLimit(['x', 'y', 'z'], 2, async (item, index) => seen.push(`${item}${index}`));
  assert.deepStrictEqual(seen.sort(), ['x0', 'y1', 'z2']);
});

test('accepts plain values from the callback', async () => {
  assert.deepStrictEqual(await mapLimit([1, 2, 3], 2, (x) => x + 1), [2, 3, 4]);
});

test('rejects with the first error and starts nothing after it', async () => {
  const c = controlled(6);
  const result = mapLimit([0, 1, 2, 3, 4, 5], 2, c.fn);
  const outcome = result.then(() => 'resolved', (e) => e);
  await settle();
  const first = new Error('page 1 failed');
  c.pending[1].reject(first);
  await settle();
  c.pending[0].reject(new Error('page 0 failed later'));
  await settle();
  assert.strictEqual(await outcome, first);
  assert.strictEqual(c.calls.length, 2, 'a call started after the failure');
});

test('successes after a failure start nothing either', async () => {
  const c = controlled(5);
  const result = mapLimit([0, 1, 2, 3, 4], 3, c.fn);
  const outcome = result.then(() => 'resolved', (e) => e.message);
  await settle();
  c.pending[0].reject(new Error('boom'));
  await settle();
  c.pending[1].resolve('late');
  c.pending[2].resolve('late');
  await settle();
  assert.strictEqual(await outcome, 'boom');
  assert.strictEqual(c.calls.length, 3);
});

test('a synchronous throw is a rejection', async () => {
  const error = new TypeError('malformed url');
  const fn = (x) => {
    if (x === 'bad') throw error;
    return Promise.resolve(x);
  };
  await assert.rejects(mapLimit(['ok', 'bad', 'ok'], 1, fn), (e) => e === error);
  await assert.rejects(mapLimit(['bad'], 2, () => { throw error; }), (e) => e === error);
});

test('a limit that is not a positive integer rejects with RangeError', async () => {
  for (const limit of [0, -1, 1.5, NaN, '2', undefined]) {
    const promise = mapLimit([1, 2], limit, async (x) => x);
    assert.ok(promise instanceof Promise, `limit ${String(limit)}: no promise returned`);
    await assert.rejects(promise, RangeError, `limit ${String(limit)}`);
  }
});

test('handles many items', async () => {
  const items = Array.from({ length: 20000 }, (_, i) => i);
  const result = await mapLimit(items, 8, (x) => (x % 3 === 0 ? x * 2 : Promise.resolve(x * 2)));
  assert.strictEqual(result.length, items.length);
  assert.ok(result.every((v, i) => v === i * 2));
});

test('fetchAll returns pages in URL order with bounded concurrency', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const urls = Array.from({ length: 12 }, (_, i) => `/page/${i}`);
  const fetchJson = (url) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const n = Number(url.split('/').pop());
    return new Promise((r) => setTimeout(() => {
      inFlight -= 1;
      r({ page: n });
    }, (12 - n) * 3));
  };
  const pages = await fetchAll(urls, { concurrency: 4, fetchJson });
  assert.deepStrictEqual(pages.map((p) => p.page), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.strictEqual(maxInFlight, 4);
});

test('fetchAll stops on the first failing page', async () => {
  const started = [];
  const fetchJson = (url) => {
    started.push(url);
    if (url === '/page/1') return Promise.reject(new Error('HTTP 500 for /page/1'));
    return new Promise(() => {}); // never answers
  };
  await assert.rejects(fetchAll(['/page/0', '/page/1', '/page/2', '/page/3'], { concurrency: 2, fetchJson }), /HTTP 500/);
  await settle();
  assert.deepStrictEqual(started, ['/page/0', '/page/1']);
});
