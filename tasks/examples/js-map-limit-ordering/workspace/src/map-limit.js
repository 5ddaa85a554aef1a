'use strict';

/**
 * Runs `fn(item, index)` over `items` with at most `limit` calls in flight; resolves to the
 * results in the order of `items`. Rejects with the first error; no call starts after it.
 */
function mapLimit(items, limit, fn) {
  const results = [];
  let next = 0;
  let active = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    if (items.length === 0) {
      resolve(results);
      return;
    }
    const launch = () => {
      while (active <= limit && next < items.length) {
        const item = items[next];
        next += 1;
        active += 1;
        Promise.resolve(fn(item)).then((value) => {
          results.push(value);
          active -= 1;
          done += 1;
          if (done === items.length) resolve(results);
          else launch();
        }, reject);
      }
    };
    launch();
  });
}

module.exports = { mapLimit };
