// The static library's Python-level signatures equal real PyTorch 1.13.1's
// (test/fixtures/check/signatures.json, from scripts/gen_check_fixtures.py).

import * as assert from 'assert';
import { F_FUNCTIONS, NN_CLASSES, findEntry, LibEntry } from '../../../src/lang/check/library';
import sigs from '../../fixtures/check/signatures.json';

interface FxParam { name: string; kind: string; default?: unknown; required?: boolean }
interface FxSig { qualname: string; params: FxParam[] }

function compare(entry: LibEntry | undefined, fx: FxSig, what: string): void {
  assert.ok(entry, `${what} is missing from library.ts`);
  assert.strictEqual(entry.qualname, fx.qualname, `${what} qualname`);
  const mine = (entry.params ?? []).map((p) => ({ name: p.name, kind: p.kind ?? 'pos', ...('default' in p ? { default: p.default } : { required: true }) }));
  const theirs = fx.params.map((p) => ({ name: p.name, kind: p.kind, ...(p.required ? { required: true } : { default: p.default }) }));
  assert.deepStrictEqual(mine, theirs, `${what} parameters`);
}

describe('library signatures match PyTorch', () => {
  for (const [name, fx] of Object.entries((sigs as { nn: Record<string, FxSig> }).nn)) {
    it(`nn.${name}`, () => compare(findEntry(NN_CLASSES, name), fx, `nn.${name}`));
  }
  for (const [name, fx] of Object.entries((sigs as { F: Record<string, FxSig> }).F)) {
    it(`F.${name}`, () => compare(findEntry(F_FUNCTIONS, name), fx, `F.${name}`));
  }
});
