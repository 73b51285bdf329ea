// The checker, hover and completion never throw: 10,000 seeded mutations of the fixture
// programs (half-typed, garbled) are checked with the Checker itself (the project would
// swallow an exception, so this calls underneath it), and every diagnostic has a range
// inside its cell.

import * as assert from 'assert';
import { parse } from '../../../src/lang/syntax/parser';
import { Checker, Scope, initialScope, newFacts } from '../../../src/lang/check/checker';
import { collectBoundNames } from '../../../src/lang/check/names';
import { hoverAt } from '../../../src/lang/check/hover';
import { completionsAt } from '../../../src/lang/check/completion';
import programs from '../../fixtures/check/programs.json';

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORPUS: string[] = (programs as { cases: { cells: string[] }[] }).cases.flatMap((c) => c.cells);
const PIECES = ['x', '(', ')', '[', ']', ',', ':', '.', '=', 'torch', 'nn', 'F', '1', '0', '-1', 'None', 'True', '*', '**',
  'for', 'in', 'def', 'return', '\n', '\n    ', 'self', 'shape', 'MaxPool2d', 'max_pool2d', 'reshape', '"s"', '[0]', 'lambda', 'if'];

describe('checker robustness', function () {
  this.timeout(120000);
  it('10,000 mutated notebooks: no exception, every diagnostic inside its cell', () => {
    const r = rng(7);
    for (let i = 0; i < 10000; i++) {
      let s = CORPUS[Math.floor(r() * CORPUS.length)];
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
        const at = Math.floor(r() * (s.length + 1));
        const op = r();
        if (op < 0.4) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
        else if (op < 0.8) s = s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(at);
        else s = s.slice(0, at);
      }
      const p = parse(s);
      const facts = newFacts();
      collectBoundNames(p.module, facts.boundAnywhere);
      const scope = new Scope(undefined, new Map(initialScope().vars));
      const checker = new Checker(facts, 0);
      checker.moduleScope = scope;
      const where = `program #${i}: ${JSON.stringify(s)}`;
      try {
        checker.checkModule(p.module.body, scope);
        const off = Math.floor(r() * (s.length + 1));
        hoverAt(p.module, off, facts);
        completionsAt(s, p.module, off, facts, scope);
      } catch (e) {
        assert.fail(`${where}\n${(e as Error).stack}`);
      }
      for (const d of checker.diags) {
        assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= s.length, `${where}\n${JSON.stringify(d)}`);
      }
    }
  });
});
