// The conformance corpus: every program under corpus/programs/ runs through the CLI's
// entry point (runProgram in src/lang/run.ts) and must print exactly what Python +
// PyTorch 1.13.1 printed (test/fixtures/corpus/*.json, made by scripts/gen_corpus.py),
// and end with the same exception type and message, or with none.
// The held-out set (corpus/heldout/: programs written the same way, never looked at while
// the interpreter was developed against the corpus) runs beside it as its own suite;
// POOLNB_CORPUS=main or =heldout runs only one of them.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface Expected {
  program: string;
  stdout: string;
  stderr: string;
  error: { type: string; message: string } | null;
}

interface RunResult { stdout: string; error?: { type: string; message: string } }
type RunProgram = (source: string, options?: unknown) => Promise<RunResult>;

const ROOT = path.join(__dirname, '..', '..');
const SETS = [
  { key: 'main', label: 'corpus', dir: path.join(ROOT, 'test', 'fixtures', 'corpus') },
  { key: 'heldout', label: 'corpus (held-out)', dir: path.join(ROOT, 'corpus', 'heldout', 'expected') },
].filter((s) => !process.env.POOLNB_CORPUS || process.env.POOLNB_CORPUS === s.key);

// Loaded at run time so this file type-checks before the interpreter lands; a missing
// or broken entry point fails every program with the reason.
function loadRunner(): { run?: RunProgram; problem?: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(path.join(ROOT, 'src', 'lang', 'run')) as { runProgram?: unknown };
    if (typeof mod.runProgram !== 'function') return { problem: 'src/lang/run.ts does not export runProgram()' };
    return { run: mod.runProgram as RunProgram };
  } catch (e) {
    return { problem: `src/lang/run.ts could not be loaded: ${(e as Error).message.split('\n')[0]}` };
  }
}

function loadCases(FIXTURE_DIR: string): { name: string; expected: Expected }[] {
  return fs.readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -5), expected: JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8')) as Expected }));
}

/** A readable account of the first difference between two outputs. */
function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      return `stdout differs at line ${i + 1}:\n  expected: ${JSON.stringify(e[i] ?? '<end of output>')}\n  actual:   ${JSON.stringify(a[i] ?? '<end of output>')}`;
    }
  }
  return 'stdout differs';
}

const fmtError = (e: { type: string; message: string } | null | undefined) => (e ? `${e.type}: ${e.message}` : 'no exception');

for (const { label: LABEL, dir: FIXTURE_DIR } of SETS) describe(LABEL, function () {
  const runner = loadRunner();
  const cases = loadCases(FIXTURE_DIR);
  let passed = 0;
  const failedByTopic = new Map<string, number>();

  it('has the programs its fixtures name', () => {
    assert.ok(cases.length > 0, `no fixtures in ${FIXTURE_DIR}`);
    const missing = cases.filter((c) => !fs.existsSync(path.join(ROOT, c.expected.program))).map((c) => c.expected.program);
    assert.deepStrictEqual(missing, []);
  });

  after(() => {
    // the figure the project tracks, printed whatever the outcome
    console.log(`${LABEL}: ${passed}/${cases.length} programs match`);
    if (failedByTopic.size) {
      const parts = [...failedByTopic.entries()].sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t} ${n}`);
      console.log(`  mismatches by topic: ${parts.join(', ')}`);
    }
  });

  for (const { name, expected } of cases) {
    const topic = expected.program.split('/').slice(-2, -1)[0];
    it(`${name} (${expected.program})`, async () => {
      failedByTopic.set(topic, (failedByTopic.get(topic) ?? 0) + 1); // taken back below when it matches
      if (!runner.run) throw new Error(runner.problem);
      const source = fs.readFileSync(path.join(ROOT, expected.program), 'utf8');
      let result: RunResult;
      try {
        result = await runner.run(source);
      } catch (e) {
        throw new Error(`runProgram threw instead of returning a result: ${(e as Error).stack ?? e}`);
      }
      const problems: string[] = [];
      if (result.stdout !== expected.stdout) problems.push(firstDifference(expected.stdout, result.stdout));
      const want = fmtError(expected.error);
      const got = fmtError(result.error);
      if (want !== got) problems.push(`exception differs:\n  expected: ${want}\n  actual:   ${got}`);
      if (problems.length) {
        throw new assert.AssertionError({
          message: `${expected.program}\n${problems.join('\n')}`,
          expected: expected.stdout + (expected.error ? `\n[${want}]` : ''),
          actual: result.stdout + (result.error ? `\n[${got}]` : ''),
        });
      }
      passed++;
      const left = failedByTopic.get(topic)! - 1;
      if (left) failedByTopic.set(topic, left);
      else failedByTopic.delete(topic);
    });
  }
});
