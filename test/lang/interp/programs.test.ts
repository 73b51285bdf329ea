// Interpreter semantics against real Python 3.11 + PyTorch 1.13.1: each program of
// scripts/gen_interp_fixtures.py must print the same text and end with the same
// exception (type and message) as it did there.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runProgram } from '../../../src/lang/run';

interface Case { source: string; stdout: string; error: { type: string; message: string } | null }

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'interp', 'programs.json'), 'utf8')) as {
  programs: Record<string, Case>;
};

describe('interpreter programs (vs PyTorch 1.13.1)', () => {
  for (const [name, c] of Object.entries(fixture.programs)) {
    it(name, async () => {
      const r = await runProgram(c.source);
      assert.strictEqual(r.stdout, c.stdout);
      assert.deepStrictEqual(r.error ? { type: r.error.type, message: r.error.message } : null, c.error);
    });
  }
});
