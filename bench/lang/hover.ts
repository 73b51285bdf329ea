// The hover figure of the language benchmark (bundled and started by bench/lang/benchLang.js):
// as after an edit in the editor, one static project is given a new 20-line cell (a text it
// has never seen, so nothing is cached), which it parses and checks, and then answers a hover
// on the cell's pooled output. Prints one JSON line: the median and 90th percentile in ms
// over `count` cells, after `warmup` cells (the extension host is a long-lived process).

import { createStaticProject } from '../../src/lang/check';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { hoverCells } = require('./lessonCells.js') as { hoverCells(n: number): { text: string; offset: number }[] };

const warmup = 100;
const count = Math.max(100, Number(process.argv[2]) || 400);
const cells = hoverCells(warmup + count);
const project = createStaticProject();
const times: number[] = [];
let answered = 0;
cells.forEach((c, i) => {
  const t0 = performance.now();
  project.setCells([c.text]);
  const h = project.hover(0, c.offset);
  const ms = performance.now() - t0;
  if (h) answered++;
  if (i >= warmup) times.push(ms);
});
if (answered !== cells.length) throw new Error(`hover answered ${answered} of ${cells.length} cells`);
times.sort((a, b) => a - b);
const lines = cells[0].text.split('\n').length - 1;
console.log(JSON.stringify({ cells: count, lines, median_ms: times[times.length >> 1], p90_ms: times[Math.floor(times.length * 0.9)] }));
