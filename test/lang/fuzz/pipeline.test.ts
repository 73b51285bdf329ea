// The whole PoolScript pipeline survives hostile input: 100,000 seeded programs (random
// ones from a grammar of tensors, pooling calls and control flow, and token-level
// mutations of the corpus programs) go through the parser and the checker, and every
// fifth one also through the editor's StaticProject (diagnostics, hover, completions) and
// the interpreter (runProgram, as the CLI does) with a small step
// budget and a small element limit, so each is cheap and none can hang.
// Nothing may throw out of these APIs; every error must be a Python exception with a
// message and a location inside the source; no JS error may leak as "poolnb internal error".
// SEED=… and N=… reproduce or widen a run; a failure prints the seed, index and program.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../../src/lang/syntax/parser';
import { Checker, Scope, initialScope, newFacts } from '../../../src/lang/check/checker';
import { collectBoundNames } from '../../../src/lang/check/names';
import { createStaticProject } from '../../../src/lang/check/project';
import { runProgram, RunResult } from '../../../src/lang/run';
import { getElementLimit, setElementLimit } from '../../../src/engine/limits';
import { mutate, randomProgram, rng } from './generate';

const SEED = Number(process.env.SEED ?? 20261122);
const TOTAL = Number(process.env.N ?? 100_000);
const RUN_EVERY = 5; // one program in five also runs: >= 20,000 interpreter runs
const STEP_LIMIT = 1000;
const ELEMENT_LIMIT = 100_000;

/** Python exceptions a program may end with (user classes defined in the program are allowed too). */
const PY_TYPES = new Set(['BaseException', 'Exception', 'KeyboardInterrupt', 'ArithmeticError', 'ZeroDivisionError',
  'OverflowError', 'LookupError', 'IndexError', 'KeyError', 'RuntimeError', 'NotImplementedError', 'RecursionError',
  'TypeError', 'ValueError', 'NameError', 'UnboundLocalError', 'AttributeError', 'AssertionError', 'OSError',
  'FileNotFoundError', 'ImportError', 'ModuleNotFoundError', 'StopIteration', 'MemoryError', 'SyntaxError',
  'IndentationError', 'TabError']);

function loadCorpus(): string[] {
  const root = path.join(__dirname, '..', '..', '..', 'corpus', 'programs');
  const out: string[] = [];
  for (const d of fs.readdirSync(root).sort()) {
    const dir = path.join(root, d);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.py')) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  return out;
}

/** What went wrong with one program's trip through parser + checker ('' when all is well). */
function checkStatically(src: string): string {
  let p;
  try {
    p = parse(src);
  } catch (e) {
    return `parser threw: ${(e as Error).stack}`;
  }
  for (const e of p.errors) {
    if (e.message.startsWith('internal parser error')) return `parser: ${e.message}`;
    if (!(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= src.length)) return `parser error range ${JSON.stringify(e)}`;
  }
  // The Checker itself, as StaticNotebook.check calls it (the notebook would swallow a throw).
  const facts = newFacts();
  collectBoundNames(p.module, facts.boundAnywhere);
  const scope = new Scope(undefined, new Map(initialScope().vars));
  const checker = new Checker(facts, 0);
  checker.moduleScope = scope;
  try {
    checker.checkModule(p.module.body, scope);
  } catch (e) {
    return `checker threw: ${(e as Error).stack}`;
  }
  for (const d of checker.diags) {
    if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= src.length)) return `checker diagnostic range ${JSON.stringify(d)}`;
    if (!d.message) return `checker diagnostic without a message ${JSON.stringify(d)}`;
  }
  return '';
}

/** What is wrong with a run's result ('' when it is a proper Python outcome). */
function judgeRun(src: string, r: RunResult): string {
  const e = r.error;
  if (!e) return '';
  const userClasses = new Set([...src.matchAll(/class\s+(\w+)/g)].map((m) => m[1]));
  if (!PY_TYPES.has(e.type) && !userClasses.has(e.type)) return `not a Python exception type: ${e.type}: ${e.message}`;
  if (e.message.includes('poolnb internal error')) return `internal error leaked: ${e.type}: ${e.message}`;
  // Python leaves some messages empty (a bare `raise ValueError`, `raise StopIteration`, and MemoryError, which
  // poolnb raises as CPython does for integers and containers too large to hold); no other error may.
  if (e.message === '' && e.type !== 'MemoryError' && !/\braise\b|\bnext\(/.test(src)) return `empty message: ${e.type}`;
  const lines = src.split('\n').length;
  if (e.line === undefined || e.line < 1 || e.line > lines) return `error without a line inside the source (line ${e.line} of ${lines}): ${e.type}: ${e.message}`;
  return '';
}

/** The editor's view of a program (the notebook object hosts use): diagnostics, hover and completions. */
function checkInEditor(src: string, offset: number): string {
  const project = createStaticProject();
  try {
    project.setCells([src]);
    for (const d of project.diagnostics(0)) {
      if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= src.length)) return `diagnostic range ${JSON.stringify(d)}`;
    }
    project.hover(0, offset);
    project.completions(0, offset);
  } catch (e) {
    return `StaticProject threw: ${(e as Error).stack}`;
  }
  return '';
}

async function runOne(src: string): Promise<{ problem: string; result?: RunResult }> {
  try {
    const result = await runProgram(src, { stepLimit: STEP_LIMIT, recursionLimit: 100 });
    return { problem: judgeRun(src, result), result };
  } catch (e) {
    return { problem: `runProgram threw: ${(e as Error).stack}` };
  }
}

/** Drops lines while the program keeps failing the same way: a minimal program for the report. */
async function shrink(src: string, fails: (s: string) => Promise<boolean>): Promise<string> {
  let lines = src.split('\n');
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < lines.length; i++) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + 1)];
      if (await fails(cand.join('\n'))) { lines = cand; changed = true; i--; }
    }
  }
  return lines.join('\n');
}

describe('pipeline fuzz', function () {
  this.timeout(240_000);
  let savedLimit = 0;
  before(() => { savedLimit = getElementLimit(); setElementLimit(ELEMENT_LIMIT); });
  after(() => setElementLimit(savedLimit));

  const runs = Math.ceil(TOTAL / RUN_EVERY);
  it(`${TOTAL} seeded programs (seed ${SEED}) through parser + checker, ${runs} of them also through StaticProject and the interpreter ` +
     `(step budget ${STEP_LIMIT}, element limit ${ELEMENT_LIMIT}): only located Python errors`, async () => {
    const corpus = loadCorpus();
    assert.ok(corpus.length > 100, 'corpus/programs/ has the corpus programs');
    const r = rng(SEED);
    const outcomes = new Map<string, number>();
    const t0 = Date.now();
    let ran = 0, slowest = 0, slowestIndex = -1, runMs = 0;
    for (let i = 0; i < TOTAL; i++) {
      const src = i % 2 === 0 ? randomProgram(r) : mutate(corpus[Math.floor(r() * corpus.length)], r);
      const where = `seed ${SEED}, program #${i}`;
      const staticProblem = checkStatically(src);
      if (staticProblem) {
        const min = await shrink(src, async (s) => checkStatically(s) !== '');
        assert.fail(`${where}: ${staticProblem}\nprogram:\n${src}\nminimal program:\n${min}`);
      }
      if (i % RUN_EVERY !== 0) continue;
      const offset = Math.floor(r() * (src.length + 1));
      const editorProblem = checkInEditor(src, offset);
      if (editorProblem) assert.fail(`${where}: ${editorProblem}\nprogram:\n${src}`);
      const t = Date.now();
      const { problem, result } = await runOne(src);
      const dt = Date.now() - t;
      runMs += dt;
      if (dt > slowest) { slowest = dt; slowestIndex = i; }
      ran++;
      const key = result?.error ? result.error.type : 'ok';
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (problem) {
        const min = await shrink(src, async (s) => (await runOne(s)).problem !== '');
        assert.fail(`${where}: ${problem}\nprogram:\n${src}\nminimal program:\n${min}\n(minimal gives: ${(await runOne(min)).problem})`);
      }
    }
    // Counts and time for the record (no assertion on time: the mocha timeout catches a hang).
    console.log(`      ${TOTAL} parsed + checked, ${ran} run in ${((Date.now() - t0) / 1000).toFixed(1)} s (${(runMs / 1000).toFixed(1)} s running); ` +
      `slowest run ${slowest} ms (#${slowestIndex}); outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}`);
    assert.ok(ran >= 20_000 || TOTAL < 100_000);
  });
});
