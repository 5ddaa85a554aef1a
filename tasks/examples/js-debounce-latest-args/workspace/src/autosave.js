'use strict';

const { debounce } = require('./debounce');

/**
 * Saves a document `wait` ms after the user stops editing.
 * `store.save(id, text)` is called with the latest text of a burst of edits.
 */
function createAutosave(store, { id, wait = 500 } = {}) {
  const save = debounce((text) => store.save(id, text), wait);
  return {
    edited(text) {
      save(text);
    },
    /** Saves right away (e.g. when the window closes); returns what store.save returned. */
    saveNow() {
      return save.flush();
    },
    discard() {
      save.cancel();
    },
    get dirty() {
      return save.pending();
    },
  };
}

module.exports = { createAutosave };
