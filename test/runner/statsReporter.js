// @ts-check
// Mocha's spec reporter, plus the run's counts written to POOLNB_STATS_FILE so that
// scripts/test.js can add up every stage into one closing line.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class StatsReporter extends Mocha.reporters.Spec {
  /** @param {Mocha.Runner} runner @param {Mocha.MochaOptions} options */
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.POOLNB_STATS_FILE;
      const s = runner.stats;
      if (file && s) fs.writeFileSync(file, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending }));
    });
  }
}

module.exports = StatsReporter;
