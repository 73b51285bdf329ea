// repr(float), repr(str) and format(value, spec) against Python 3.11 (test/fixtures/format/pyformat.json).
import * as assert from 'assert';
import { TorchError } from '../../../src/engine/errors';
import { FormatArg, floatRepr, formatWithSpec, strRepr, pyRepr, PyFloat, PyTuple } from '../../../src/lang/format';
import { decodeFloat, loadFixture } from './fixtures';

interface PyCase {
  kind: 'float' | 'int' | 'bool' | 'str';
  value: number | string | boolean;
  spec: string | null;
  expected?: string;
  error?: string;
}

function arg(c: PyCase): FormatArg {
  switch (c.kind) {
    case 'float': return { kind: 'float', value: decodeFloat(c.value as number | string) };
    case 'int': return { kind: 'int', value: c.value as number };
    case 'bool': return { kind: 'bool', value: c.value as boolean };
    case 'str': return { kind: 'str', value: c.value as string };
  }
}

describe('Python float repr and format specs', () => {
  const cases = loadFixture<PyCase>('pyformat.json');
  for (const c of cases) {
    const title = `${c.kind} ${JSON.stringify(c.value)} ${c.spec === null ? 'repr' : JSON.stringify(c.spec)}`;
    it(title, () => {
      const run = () => {
        if (c.spec === null) return c.kind === 'str' ? strRepr(c.value as string) : floatRepr(decodeFloat(c.value as number | string));
        return formatWithSpec(arg(c), c.spec);
      };
      if (c.error !== undefined) {
        assert.throws(run, (e: unknown) => e instanceof TorchError && `${e.pyType}: ${e.message}` === c.error);
      } else {
        assert.strictEqual(run(), c.expected);
      }
    });
  }
});

describe('pyRepr of containers', () => {
  it('lists, tuples, dicts and None as Python prints them', () => {
    assert.strictEqual(pyRepr([1, new PyFloat(2), 'a', null, true]), "[1, 2.0, 'a', None, True]");
    assert.strictEqual(pyRepr(new PyTuple([1])), '(1,)');
    assert.strictEqual(pyRepr(new PyTuple([])), '()');
    assert.strictEqual(pyRepr(new PyTuple([new PyFloat(1e-5), new PyTuple([2, 3])])), '(1e-05, (2, 3))');
    assert.strictEqual(pyRepr(new Map<string, number>([['a', 1], ['b', 2]])), "{'a': 1, 'b': 2}");
    assert.strictEqual(pyRepr(2 ** 60), '1152921504606846976');
  });
});
