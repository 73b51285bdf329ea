// The `poolnb` command line: run a notebook (or .py script) headless, answer the
// output-size question, and print the static diagnostics of a notebook.
// This is the only layer besides the extension that may use Node built-ins.

import * as fs from 'fs';
import * as path from 'path';
import { setKernelPeerSpawner } from '../engine/fast';
import { nodeKernelPeerSpawner } from '../host/nodeKernelPeer';
import { PoolSession } from '../lang/session';
import { errorLine } from '../lang/run';
import { sizeReport } from './size';
import { readCells } from './cells';

export const VERSION: string = (() => {
  try {
    // The bundle sits in dist/; the package manifest one level up.
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.1.0';
  }
})();

export const HELP = `poolnb ${VERSION} — PoolScript notebooks from the command line

Usage:
  poolnb run FILE [--json]     run a .poolnb notebook, or a .py file (one cell, or cells split
                               at "# %%" lines); prints what Python would print. On an
                               uncaught error prints "Type: message" to stderr and exits 1.
                               --json prints every cell's outputs as JSON instead.
  poolnb size --op OP --input NxCxHxW [options]
                               the output shape of a pooling op and its per-axis derivation.
      OP: max_pool1d/2d/3d, avg_pool1d/2d/3d, lp_pool1d/2d, adaptive_avg_pool1d/2d/3d,
          adaptive_max_pool1d/2d/3d, max_unpool1d/2d/3d, fractional_max_pool2d/3d
          (or the module names: MaxPool2d, AvgPool2d, ...)
      --kernel K   --stride S   --padding P   --dilation D   (an int, or per axis: 2x3 or 2,3)
      --ceil       ceil_mode=True
      --output-size SIZE   (adaptive / unpool / fractional ops)
      --norm-type P        (lp_pool)
      --no-count-include-pad   --divisor-override N   (avg_pool)
  poolnb check FILE            static diagnostics: file:cell:line:col: severity: message
                               (exit 1 when there is an error)
  poolnb --help | --version
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => { process.stdout.write(t); },
  err: (t) => { process.stderr.write(t); },
};

/** Runs the CLI; returns the exit code (the bin sets process.exitCode, so output is flushed). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(HELP);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-V') {
    io.out(VERSION + '\n');
    return 0;
  }
  try {
    switch (cmd) {
      case 'run': return await runCommand(rest, io);
      case 'size': return sizeCommand(rest, io);
      case 'check': return checkCommand(rest, io);
      default:
        io.err(`poolnb: unknown command '${cmd}' (try poolnb --help)\n`);
        return 2;
    }
  } catch (e) {
    io.err(`poolnb: ${(e as Error).message}\n`);
    return 2;
  }
}

function fileArg(args: string[], cmd: string): string {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error(`${cmd}: missing FILE (try poolnb --help)`);
  return file;
}

async function runCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length) throw new Error(`run: unknown option ${unknown[0]}`);
  const file = fileArg(args, 'run');
  const cells = readCells(file, fs.readFileSync(file, 'utf8'));
  const session = new PoolSession({
    textOnly: !json,
    listLimit: Infinity,
    io: { readFile: async (p) => new Uint8Array(fs.readFileSync(path.resolve(path.dirname(file), p))) },
  });
  const results: unknown[] = [];
  for (let i = 0; i < cells.length; i++) {
    const r = await session.run(cells[i].source, { cellIndex: i });
    if (json) {
      results.push({ cell: cells[i].index, outputs: r.outputs, ...(r.error ? { error: r.error } : {}) });
    } else {
      for (const o of r.outputs) if (o.kind === 'stdout') io.out(o.text);
    }
    if (r.error) {
      if (json) io.out(JSON.stringify({ file, cells: results }) + '\n');
      const where = r.error.lineCol ? `, line ${cells[i].firstLine + r.error.lineCol.line - 1}` : '';
      io.err(`Traceback (most recent call last):\n  File "${file}", cell ${cells[i].index + 1}${where}\n${errorLine(r.error)}\n`);
      return 1;
    }
  }
  if (json) io.out(JSON.stringify({ file, cells: results }) + '\n');
  return 0;
}

function sizeCommand(args: string[], io: Io): number {
  const opts = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) throw new Error(`size: unexpected argument '${a}'`);
    const [k, inline] = a.slice(2).split('=', 2);
    if (k === 'ceil' || k === 'no-count-include-pad' || k === 'return-indices') { opts.set(k, true); continue; }
    const v = inline ?? args[++i];
    if (v === undefined) throw new Error(`size: --${k} needs a value`);
    opts.set(k, v);
  }
  const r = sizeReport(opts);
  if (r.error) {
    if (r.text) io.out(r.text);
    io.err(r.error + '\n');
    return 1;
  }
  io.out(r.text);
  return 0;
}

function checkCommand(args: string[], io: Io): number {
  const file = fileArg(args, 'check');
  const cells = readCells(file, fs.readFileSync(file, 'utf8'));
  // Loaded on demand (a require, which esbuild bundles as a lazily initialised module, and
  // which mocha's CommonJS TypeScript hook also handles): `run` and `size` never evaluate
  // the static checker's modules.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStaticProject } = require('../lang/check') as typeof import('../lang/check');
  const project = createStaticProject();
  project.setCells(cells.map((c) => c.source));
  let errors = 0;
  cells.forEach((c, i) => {
    for (const d of project.diagnostics(i)) {
      const { line, column } = lineCol(c.source, d.range.start);
      if (d.severity === 'error') errors++;
      io.out(`${file}:${c.index + 1}:${c.firstLine + line - 1}:${column + 1}: ${d.severity}: ${d.message}\n`);
    }
  });
  return errors ? 1 : 0;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') { line++; start = i + 1; }
  return { line, column: offset - start };
}

/** Runs the CLI as the process: exit code in process.exitCode (so output is flushed). */
export function runAsProcess(argv: string[]): Promise<void> {
  // large pooling calls use a second thread (src/engine/fast/parallel.ts; dist/kernelPeer.js is beside this bundle)
  setKernelPeerSpawner(nodeKernelPeerSpawner(__dirname));
  // `poolnb run x | head` closes the pipe early: stop quietly, as Python does on SIGPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  return main(argv).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`poolnb: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  });
}

// dist/cli.js (src/cli/bin.ts) normally loads this bundle and calls runAsProcess; run directly, it runs too.
if (require.main === module) void runAsProcess(process.argv.slice(2));
