'use strict';

const test = require('node:test');
const assert = require('node:assert');

const { debounce } = require('../src/debounce');
const { createAutosave } = require('../src/autosave');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('a single call runs once after the wait', async () => {
  const calls = [];
  const f = debounce((x) => calls.push(x), 10);
  f('a');
  assert.deepStrictEqual(calls, []);
  await sleep(120);
  assert.deepStrictEqual(calls, ['a']);
});

test('flush runs the pending call now', () => {
  const f = debounce((x) => x * 2, 1000);
  f(21);
  assert.strictEqual(f.pending(), true);
  assert.strictEqual(f.flush(), 42);
  assert.strictEqual(f.pending(), false);
});

test('autosave saves once', async () => {
  const saved = [];
  const autosave = createAutosave({ save: (id, text) => saved.push([id, text]) }, { id: 'doc', wait: 10 });
  autosave.edited('hello');
  assert.strictEqual(autosave.dirty, true);
  await sleep(120);
  assert.deepStrictEqual(saved, [['doc', 'hello']]);
});
