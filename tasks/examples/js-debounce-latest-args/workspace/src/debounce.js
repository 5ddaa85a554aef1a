'use strict';

/**
 * Trailing-edge debounce: a burst of calls becomes one call of `fn`, `wait` ms after the last
 * call of the burst, with the arguments and `this` of that last call.
 *
 * The returned function has:
 *   cancel()  - drops the pending call, if any
 *   flush()   - runs the pending call now and returns its result (undefined if none)
 *   pending() - whether a call is waiting
 */
function debounce(fn, wait) {
  let timer = null;
  let pendingArgs = null;
  let pendingThis;

  function run() {
    timer = null;
    const args = pendingArgs;
    pendingArgs = null;
    return fn.apply(pendingThis, args);
  }

  const debounced = (...args) => {
    if (timer === null) pendingArgs = args;
    pendingThis = this;
    clearTimeout(timer);
    timer = setTimeout(run, wait);
  };

  debounced.cancel = () => {
    clearTimeout(timer);
    pendingArgs = null;
  };

  debounced.flush = () => {
    if (timer === null) return undefined;
    clearTimeout(timer);
    return run();
  };

  debounced.pending = () => timer !== null;

  return debounced;
}

module.exports = { debounce };
