'use strict';

/**
 * Runs `fn(item, index)` over `items` with at most `limit` calls in flight; resolves to the
 * results in the order of `items`. Rejects with the first error (a synchronous throw of `fn`
 * counts as one); no call starts after it. A `limit` that is not a positive integer rejects
 * with a RangeError.
 */
function mapLimit(items, limit, fn) {
  return new Promise((resolve, reject) => {
    if (!Number.isInteger(limit) || limit < 1) {
      reject(new RangeError(`limit must be a positive integer, got ${limit}`));
      return;
    }
    const results = new Array(items.length);
    let next = 0;
    let active = 0;
    let done = 0;
    let failed = false;

    const fail = (error) => {
      if (failed) return; // only the first error counts
      failed = true;
      reject(error);
    };

    const finish = (index, value) => {
      if (failed) return;
      results[index] = value; // by index: completion order must not leak into the result
      active -= 1;
      done += 1;
      if (done === items.length) resolve(results);
      else fill();
    };

    const start = (index) => {
      active += 1;
      let pending;
      try {
        pending = Promise.resolve(fn(items[index], index));
      } catch (error) {
        fail(error);
        return;
      }
      pending.then((value) => finish(index, value), fail);
    };

    // Called after every completion, so a slot is refilled as soon as it frees up.
    const fill = () => {
      while (!failed && active < limit && next < items.length) {
        next += 1;
        start(next - 1);
      }
    };

    if (items.length === 0) resolve(results);
    else fill();
  });
}

module.exports = { mapLimit };
