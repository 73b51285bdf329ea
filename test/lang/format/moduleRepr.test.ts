// repr(module), torch.Size, dtypes and torch.return_types against torch 1.13.1.
import * as assert from 'assert';
import { DType } from '../../../src/engine/dtype';
import { dtypeRepr, extraReprFor, moduleRepr, ModuleReprNode, PyData, returnTypesRepr, sizeRepr } from '../../../src/lang/format';
import { decodePy, loadFixture } from './fixtures';

interface EncodedModule { name: string; attrs: Record<string, unknown>; children: [string, EncodedModule][] }

function toNode(m: EncodedModule): ModuleReprNode {
  const attrs: Record<string, PyData> = {};
  for (const [k, v] of Object.entries(m.attrs)) attrs[k] = decodePy(v);
  return { name: m.name, extraRepr: extraReprFor(m.name, attrs), children: m.children.map(([k, c]) => [k, toNode(c)] as const) };
}

describe('module reprs', () => {
  for (const c of loadFixture<{ label: string; module: EncodedModule; expected: string }>('modules.json')) {
    it(c.label, () => assert.strictEqual(moduleRepr(toNode(c.module)), c.expected));
  }
});

describe('torch.Size, dtype and return_types reprs', () => {
  type Misc = { kind: string; shape?: number[]; dtype?: string; name?: string; fields?: [string, string][]; expected: string };
  for (const c of loadFixture<Misc>('torch_misc.json')) {
    it(`${c.kind} ${c.expected.split('\n')[0]}`, () => {
      if (c.kind === 'size') assert.strictEqual(sizeRepr(c.shape!), c.expected);
      else if (c.kind === 'dtype') assert.strictEqual(dtypeRepr(c.dtype as DType), c.expected);
      else assert.strictEqual(returnTypesRepr(c.name!, c.fields!), c.expected);
    });
  }
});
