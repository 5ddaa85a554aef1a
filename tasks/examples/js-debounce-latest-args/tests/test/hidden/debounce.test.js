'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { debounce } = require('../../src/debounce');
const { createAutosave } = require('../../src/autosave');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits until `predicate()` holds; generous so a loaded machine does not fail the test.
async function until(predicate, limitMs = 10000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > limitMs) throw new Error('condition not reached in time');
    await sleep(5);
  }
}

test('a single call runs once after the wait', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 10);
  f('a');
  assert.deepStrictEqual(calls, []);
  await until(() => calls.length > 0);
  await sleep(60);
  assert.deepStrictEqual(calls, ['a']);
});

test('a burst runs once with the arguments of the last call', async () => {
  const calls = [];
  const f = debounce((...args) => calls.push(args), 10);
  f('h');
  f('he');
  f('hel', 1);
  f('hello', 2);
  assert.deepStrictEqual(calls, []);
  await until(() => calls.length > 0);
  await sleep(60);
  assert.deepStrictEqual(calls, [['hello', 2]]);
});

test('each call restarts the wait', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 400);
  f(1);
  await sleep(100);
  f(2);
  await sleep(50);
  assert.deepStrictEqual(calls, [], 'fired before the wait after the last call');
  await until(() => calls.length > 0);
  assert.deepStrictEqual(calls, [2]);
});

test('separate bursts run separately', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 10);
  f('a');
  f('b');
  await until(() => calls.length === 1);
  f('c');
  f('d');
  await until(() => calls.length === 2);
  await sleep(60);
  assert.deepStrictEqual(calls, ['b', 'd']);
});

test('this is the receiver of the last call', async () => {
  const seen = [];
  const counter = {
    name: 'counter',
    bump: debounce(function (n) {
      seen.push([this && this.name, n]);
    }, 10),
  };
  const other = { name: 'other', bump: counter.bump };
  counter.bump(1);
  other.bump(2);
  await until(() => seen.length > 0);
  assert.deepStrictEqual(seen, [['other', 2]]);
});

test('flush runs the pending call now and returns its result', async () => {
  let runs = 0;
  const f = debounce(function (x) {
    runs += 1;
    return x * 2 + (this ? this.offset : 0);
  }, 1000);
  const holder = { offset: 1, f };
  holder.f(5);
  holder.f(20);
  assert.strictEqual(f.pending(), true);
  assert.strictEqual(f.flush(), 41);
  assert.strictEqual(f.pending(), false);
  assert.strictEqual(f.flush(), undefined);
  assert.strictEqual(runs, 1);
});

test('flush with nothing pending returns undefined and does not call', () => {
  let runs = 0;
  const f = debounce(() => { runs += 1; }, 10);
  assert.strictEqual(f.flush(), undefined);
  assert.strictEqual(runs, 0);
});

test('cancel drops the pending call', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 10);
  f('a');
  f.cancel();
  assert.strictEqual(f.pending(), false);
  await sleep(80);
  assert.deepStrictEqual(calls, []);
  assert.strictEqual(f.flush(), undefined);
});

test('a burst after cancel uses its own arguments', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 10);
  f('old');
  f.cancel();
  f('new 1');
  f('new 2');
  assert.strictEqual(f.pending(), true);
  await until(() => calls.length > 0);
  await sleep(60);
  assert.deepStrictEqual(calls, ['new 2']);
});

test('autosave saves the latest text of a burst', async () => {
  const saved = [];
  const autosave = createAutosave({ save: (id, text) => saved.push([id, text]) }, { id: 'doc', wait: 10 });
  for (const text of ['h', 'he', 'hel', 'hell', 'hello']) autosave.edited(text);
  assert.strictEqual(autosave.dirty, true);
  await until(() => saved.length > 0);
  await sleep(60);
  assert.deepStrictEqual(saved, [['doc', 'hello']]);
  assert.strictEqual(autosave.dirty, false);
});

test('autosave saveNow and discard', async () => {
  const saved = [];
  const store = { save: (id, text) => { saved.push(text); return `saved ${text.length}`; } };
  const autosave = createAutosave(store, { id: 'doc', wait: 1000 });
  autosave.edited('draft');
  autosave.edited('draft two');
  assert.strictEqual(autosave.saveNow(), 'saved 9');
  autosave.edited('throw away');
  autosave.discard();
  assert.strictEqual(autosave.dirty, false);
  autosave.edited('final');
  assert.strictEqual(autosave.saveNow(), 'saved 5');
  assert.deepStrictEqual(saved, ['draft two', 'final']);
});
