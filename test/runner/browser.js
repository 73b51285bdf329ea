// @ts-check
// Debian's Chromium driven by playwright-core (Playwright cannot download a browser here).
// One place for the flags TESTING.md §3 found to work headless on these machines.
'use strict';
const { chromium } = require('playwright-core');
const { chromiumPath } = require('../../scripts/ensure-code-server');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** @param {{ headless?: boolean }} [options] */
function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: options.headless ?? true,
  });
}

module.exports = { launchChromium, CHROMIUM_ARGS };
