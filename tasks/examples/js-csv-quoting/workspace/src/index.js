'use strict';

const { parseCsv } = require('./parse');
const { toCsv } = require('./stringify');

module.exports = { parseCsv, toCsv };
