#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128x128, transparent corners) with headless
// Chromium, so the committed PNG can always be remade from its source:
//   node scripts/render-icon.js
'use strict';
const fs = require('fs');
const path = require('path');
const { launchChromium } = require('../test/runner/browser');

async function main() {
  const svg = fs.readFileSync(path.join(__dirname, '..', 'media', 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(__dirname, '..', 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`wrote ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
