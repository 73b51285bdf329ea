// The parser, by example: every statement form, node ranges, and half-typed cells.

import * as assert from 'assert';
import { parse } from '../../../src/lang/syntax/parser';
import { nodeAt } from '../../../src/lang/syntax/nodeAt';
import type * as N from '../../../src/lang/syntax/nodes';

function ok(src: string): N.Stmt[] {
  const r = parse(src);
  assert.deepStrictEqual(r.errors, [], `errors for ${JSON.stringify(src)}`);
  return r.module.body;
}
function expr(src: string): N.Expr {
  const [s] = ok(src);
  assert.strictEqual(s.kind, 'ExprStmt');
  return (s as N.ExprStmt).value;
}
const text = (src: string, n: N.Span) => src.slice(n.start, n.end);

describe('parser: statements', () => {
  it('imports in every form', () => {
    const [a, b, c] = ok('import torch\nimport torch.nn.functional as F\nfrom torch.nn import MaxPool2d as MP, AvgPool2d\n');
    assert.deepStrictEqual((a as N.Import).names.map((n) => n.name), ['torch']);
    const fa = (b as N.Import).names[0];
    assert.strictEqual(fa.name, 'torch.nn.functional');
    assert.strictEqual(fa.asname?.name, 'F');
    const from = c as N.ImportFrom;
    assert.strictEqual(from.module, 'torch.nn');
    assert.deepStrictEqual(from.names.map((n) => [n.name, n.asname?.name]), [['MaxPool2d', 'MP'], ['AvgPool2d', undefined]]);
    const [rel] = ok('from ..a import (b,\n c,)\n');
    assert.strictEqual((rel as N.ImportFrom).level, 2);
    assert.strictEqual((rel as N.ImportFrom).names.length, 2);
  });

  it('assignment: chained, tuple unpacking, nested, subscript and attribute targets, augmented', () => {
    const src = 'a = b = 1\ny, idx = pool(x)\na, (b, c) = 1, (2, 3)\nY[i, j] = v\nself.pool = p\nx //= 2\n';
    const [s1, s2, s3, s4, s5, s6] = ok(src) as [N.Assign, N.Assign, N.Assign, N.Assign, N.Assign, N.AugAssign];
    assert.deepStrictEqual(s1.targets.map((t) => (t as N.Name).id), ['a', 'b']);
    assert.strictEqual(s2.targets[0].kind, 'Tuple');
    assert.strictEqual(text(src, s2.targets[0]), 'y, idx');
    const t3 = s3.targets[0] as N.TupleExpr;
    assert.strictEqual(t3.elts[1].kind, 'Tuple');
    assert.strictEqual((t3.elts[1] as N.TupleExpr).parenthesized, true);
    assert.strictEqual(s4.targets[0].kind, 'Subscript');
    assert.strictEqual(((s4.targets[0] as N.Subscript).index as N.TupleExpr).elts.length, 2);
    assert.strictEqual(s5.targets[0].kind, 'Attribute');
    assert.strictEqual(s6.op, '//');
  });

  it('for / if / elif / else / while / break / continue with ranges', () => {
    const src = 'for i in range(3):\n    if i > 1:\n        pass\n    elif i:\n        continue\n    else:\n        break\nwhile x:\n    x -= 1\n';
    const [f, w] = ok(src) as [N.For, N.While];
    assert.strictEqual(f.kind, 'For');
    assert.strictEqual(text(src, f.iter), 'range(3)');
    const iff = f.body[0] as N.If;
    assert.strictEqual(iff.orelse.length, 1);
    const elif = iff.orelse[0] as N.If;
    assert.strictEqual(elif.isElif, true);
    assert.strictEqual(elif.orelse[0].kind, 'Break');
    assert.strictEqual(w.kind, 'While');
    assert.strictEqual(text(src, f).startsWith('for i in range(3):'), true);
  });

  it('def with defaults, *args, **kwargs and a docstring; return', () => {
    const [d] = ok('def f(a, b=2, *args, c=3, **kw):\n    """doc"""\n    return a + b\n') as [N.FunctionDef];
    assert.deepStrictEqual(d.params.map((p) => [p.name.name, p.star ?? '', !!p.default]),
      [['a', '', false], ['b', '', true], ['args', '*', false], ['c', '', true], ['kw', '**', false]]);
    assert.strictEqual((d.body[0] as N.ExprStmt).value.kind, 'Str');
    assert.strictEqual(d.body[1].kind, 'Return');
  });

  it('keyword-only (after * or *args) and positional-only (before /) parameters are marked', () => {
    const [d] = ok('def f(a, /, b, *, k=1, **kw):\n    pass\n') as [N.FunctionDef];
    assert.deepStrictEqual(d.params.map((p) => [p.name.name, !!p.posOnly, !!p.kwOnly]),
      [['a', true, false], ['b', false, false], ['k', false, true], ['kw', false, false]]);
    const [g] = ok('def g(*args, k):\n    pass\n') as [N.FunctionDef];
    assert.strictEqual(g.params[1].kwOnly, true);
  });

  it('class X(nn.Module) with methods', () => {
    const src = 'class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.pool = nn.MaxPool2d(3)\n\n    def forward(self, x):\n        return self.pool(x)\n';
    const [c] = ok(src) as [N.ClassDef];
    assert.strictEqual(c.name.name, 'Net');
    assert.strictEqual(text(src, c.bases[0].value), 'nn.Module');
    assert.deepStrictEqual(c.body.map((s) => (s as N.FunctionDef).name.name), ['__init__', 'forward']);
  });

  it('assert, del, global, pass, lambda, with, try are parsed (the checker refuses what is unsupported)', () => {
    const kinds = ok('assert x, "m"\ndel x\nglobal g\npass\nf = lambda v: v\nwith a as b:\n    pass\ntry:\n    pass\nexcept E as e:\n    pass\nfinally:\n    pass\n').map((s) => s.kind);
    assert.deepStrictEqual(kinds, ['Assert', 'Delete', 'Global', 'Pass', 'Assign', 'With', 'Try']);
  });

  it('implicit line joining in brackets and backslash continuation', () => {
    const body = ok('x = (1 +\n     2)\ny = 1 + \\\n    2\nz = [\n  1,\n  2,\n]\n');
    assert.strictEqual(body.length, 3);
  });

  it('comments and blank lines anywhere, semicolons', () => {
    assert.strictEqual(ok('# c\n\nx = 1  # t\nif x:\n\n    # inner\n    y = 2; z = 3\n').length, 2);
  });
});

describe('parser: expressions', () => {
  it('numbers: int, float, exponent, underscores, hex', () => {
    const t = expr('(1, 2.5, 1e-3, 1_000, 0x1F, .5, 1.)') as N.TupleExpr;
    assert.deepStrictEqual(t.elts.map((e) => [(e as N.Num).value, (e as N.Num).isInt]),
      [[1, true], [2.5, false], [0.001, false], [1000, true], [31, true], [0.5, false], [1, false]]);
  });

  it('strings: quotes, escapes, raw, triple, concatenation', () => {
    assert.strictEqual((expr(`'a\\n' "b" r'\\d' '''t\nu'''`) as N.Str).value, 'a\nb\\dt\nu');
    assert.strictEqual((expr(`'\\x41\\u00e9\\t'`) as N.Str).value, 'A\u00e9\t');
  });

  it('f-strings with nested expressions, conversions, format specs and ranges', () => {
    const src = 'f"{y.shape} {v:.2f} {x!r} {a=} {w:>{n}}"';
    const f = expr(src) as N.FString;
    const fields = f.parts.filter((p): p is N.FormattedValue => p.kind === 'FormattedValue');
    assert.strictEqual(fields.length, 5);
    assert.strictEqual(text(src, fields[0].value), 'y.shape');
    assert.strictEqual((fields[1].formatSpec!.parts[0] as N.FStringText).value, '.2f');
    assert.strictEqual(fields[2].conversion, 'r');
    assert.strictEqual(fields[3].debugText, 'a=');
    assert.strictEqual(fields[4].formatSpec!.parts[1].kind, 'FormattedValue');
    assert.strictEqual(text(src, (fields[4].formatSpec!.parts[1] as N.FormattedValue).value), 'n');
  });

  it('True/False/None, lists, tuples, dicts, sets, ellipsis', () => {
    const t = expr('(True, None, [1, 2], (), (1,), {"a": 1}, {1, 2}, ...)') as N.TupleExpr;
    assert.deepStrictEqual(t.elts.map((e) => e.kind), ['Constant', 'Constant', 'List', 'Tuple', 'Tuple', 'Dict', 'Set', 'Ellipsis']);
  });

  it('slices: x[:, 1:3], x[..., 0], x[None], x[::2]', () => {
    const a = expr('x[:, 1:3]') as N.Subscript;
    const idx = a.index as N.TupleExpr;
    assert.deepStrictEqual(idx.elts.map((e) => e.kind), ['Slice', 'Slice']);
    assert.strictEqual(((idx.elts[1] as N.Slice).upper as N.Num).value, 3);
    assert.deepStrictEqual(((expr('x[..., 0]') as N.Subscript).index as N.TupleExpr).elts.map((e) => e.kind), ['Ellipsis', 'Num']);
    assert.strictEqual((expr('x[None]') as N.Subscript).index.kind, 'Constant');
    const s = (expr('x[::2]') as N.Subscript).index as N.Slice;
    assert.strictEqual(s.lower, undefined);
    assert.strictEqual((s.step as N.Num).value, 2);
  });

  it('calls with positional, keyword and *args', () => {
    const c = expr('f(1, *rest, kernel_size=3, **kw)') as N.Call;
    assert.deepStrictEqual(c.args.map((a) => [a.name?.name, a.star]), [[undefined, undefined], [undefined, '*'], ['kernel_size', undefined], [undefined, '**']]);
    assert.strictEqual(c.closed, true);
  });

  it('operator precedence as in Python', () => {
    const e = expr('-2 ** 2 + 3 * 4 // 5') as N.BinOp;
    assert.strictEqual(e.op, '+');
    assert.strictEqual((e.left as N.UnaryOp).op, '-');
    assert.strictEqual(((e.left as N.UnaryOp).operand as N.BinOp).op, '**');
    assert.strictEqual((e.right as N.BinOp).op, '//');
    const b = expr('not a or b and c') as N.BoolOp;
    assert.strictEqual(b.op, 'or');
    assert.strictEqual((b.values[0] as N.UnaryOp).op, 'not');
    assert.strictEqual((b.values[1] as N.BoolOp).op, 'and');
  });

  it('comparison chains, `not in`, `is not`, conditional expressions', () => {
    const c = expr('a < b <= c != d') as N.Compare;
    assert.deepStrictEqual(c.ops, ['<', '<=', '!=']);
    assert.deepStrictEqual((expr('a not in b') as N.Compare).ops, ['not in']);
    assert.deepStrictEqual((expr('a is not b') as N.Compare).ops, ['is not']);
    const i = expr('a if c else b if d else e') as N.IfExp;
    assert.strictEqual(i.orelse.kind, 'IfExp');
  });

  it('list comprehensions (and generator/dict/set comprehensions)', () => {
    const l = expr('[i * 2 for i in range(10) if i % 2]') as N.ListComp;
    assert.strictEqual(l.kind, 'ListComp');
    assert.strictEqual(l.generators[0].ifs.length, 1);
    assert.strictEqual(expr('sum(x for x in y)').kind, 'Call');
    assert.strictEqual(expr('{k: v for k, v in d}').kind, 'DictComp');
    assert.strictEqual(expr('{v for v in d}').kind, 'SetComp');
  });

  it('every node range covers its text', () => {
    const src = 'y = nn.MaxPool2d(kernel_size=3, ceil_mode=True)(x[0, :, 1:3])';
    const v = (ok(src)[0] as N.Assign).value as N.Call;
    assert.strictEqual(text(src, v), 'nn.MaxPool2d(kernel_size=3, ceil_mode=True)(x[0, :, 1:3])');
    assert.strictEqual(text(src, v.func), 'nn.MaxPool2d(kernel_size=3, ceil_mode=True)');
    assert.strictEqual(text(src, (v.func as N.Call).args[1]), 'ceil_mode=True');
    assert.strictEqual(text(src, v.args[0].value), 'x[0, :, 1:3]');
  });
});

describe('parser: half-typed cells', () => {
  it('`x = torch.` gives an Attribute with a Missing name right after the dot', () => {
    const r = parse('x = torch.');
    assert.strictEqual(r.errors[0].message, 'invalid syntax');
    const a = (r.module.body[0] as N.Assign).value as N.Attribute;
    assert.strictEqual(a.kind, 'Attribute');
    assert.strictEqual(a.attr.kind, 'Missing');
    assert.strictEqual(a.attr.start, 10);
  });

  it('an unclosed call keeps its arguments and says so', () => {
    const r = parse('pool = nn.MaxPool2d(kernel_size=3, ');
    assert.strictEqual(r.errors[0].message, "'(' was never closed");
    const c = (r.module.body[0] as N.Assign).value as N.Call;
    assert.strictEqual(c.closed, false);
    assert.strictEqual(c.args[0].name?.name, 'kernel_size');
  });

  it('`y = ` gives a Missing expression', () => {
    const r = parse('y = ');
    assert.strictEqual(((r.module.body[0] as N.Assign).value as N.Missing).expected[0], 'expression');
  });

  it('a bad line does not hide the lines after it', () => {
    const r = parse('x = 1\ny = = 2\nz = 3\n'); // the middle line keeps a Missing target
    assert.strictEqual(r.errors.length, 1);
    assert.deepStrictEqual(r.module.body.map((s) => s.kind), ['Assign', 'Assign', 'Assign']);
  });

  it('a header without a body still yields the header', () => {
    const r = parse('for i in range(3):\n');
    assert.strictEqual(r.errors[0].type, 'IndentationError');
    assert.strictEqual(r.module.body[0].kind, 'For');
  });
});

describe('nodeAt', () => {
  it('finds the innermost node and its parents', () => {
    const src = 'y = pool(x[0])';
    const m = parse(src).module;
    const at = nodeAt(m, src.indexOf('x'));
    assert.strictEqual(at.node.kind, 'Name');
    assert.deepStrictEqual(at.parents.map((p) => p.kind), ['Module', 'Assign', 'Call', 'Arg', 'Subscript']);
  });

  it('at the end of `torch.` finds the Missing attribute inside the Attribute', () => {
    const src = 'torch.';
    const at = nodeAt(parse(src).module, src.length);
    assert.strictEqual(at.node.kind, 'Missing');
    assert.strictEqual(at.parents[at.parents.length - 1].kind, 'Attribute');
  });

  it('in an f-string field', () => {
    const src = 'print(f"{y.shape}")';
    const at = nodeAt(parse(src).module, src.indexOf('shape') + 1);
    assert.strictEqual(at.node.kind, 'Ident');
    assert.strictEqual(at.parents[at.parents.length - 1].kind, 'Attribute');
  });
});
