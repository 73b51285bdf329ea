// The PoolScript TextMate grammar, tokenized by the same engine VS Code uses
// (vscode-textmate + vscode-oniguruma), so cells colour like Python in every theme.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
let grammar: textmate.IGrammar;

/** [trimmed text, innermost scope] of every token of `lines`, line by line. */
function tokens(...lines: string[]): [string, string][][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex).trim(), t.scopes[t.scopes.length - 1]] as [string, string])
      .filter(([text]) => text !== '');
  });
}

function scopeOf(line: string, text: string): string {
  const hit = tokens(line)[0].find(([t]) => t === text);
  assert.ok(hit, `a token ${JSON.stringify(text)} in ${JSON.stringify(line)}`);
  return hit[1];
}

describe('PoolScript grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.poolscript') return null;
        const file = path.join(ROOT, 'syntaxes', 'poolscript.tmLanguage.json');
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    const loaded = await registry.loadGrammar('source.poolscript');
    assert.ok(loaded, 'the grammar loads on its own, including no other grammar');
    grammar = loaded;
  });

  it('is the grammar package.json contributes for the poolscript language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'poolscript');
    assert.deepStrictEqual(g, { language: 'poolscript', scopeName: 'source.poolscript', path: './syntaxes/poolscript.tmLanguage.json' });
  });

  it('colours keywords, numbers, constants and comments as Python does', () => {
    assert.strictEqual(scopeOf('for i in range(3):', 'for'), 'keyword.control.flow.poolscript');
    assert.strictEqual(scopeOf('x = 2.5e-3 + 7', '2.5e-3'), 'constant.numeric.float.poolscript');
    assert.strictEqual(scopeOf('x = 2.5e-3 + 7', '7'), 'constant.numeric.dec.poolscript');
    assert.strictEqual(scopeOf('y = None if True else False', 'None'), 'constant.language.poolscript');
    assert.strictEqual(scopeOf('x = 1  # window', 'window'), 'comment.line.number-sign.poolscript');
    assert.strictEqual(scopeOf('import torch.nn as nn', 'import'), 'keyword.control.import.poolscript');
  });

  it('marks torch / nn / F, pooling classes and keyword arguments', () => {
    const line = 'pool = nn.MaxPool2d(kernel_size=3, ceil_mode=True)';
    assert.strictEqual(scopeOf(line, 'nn'), 'support.variable.module.poolscript');
    assert.strictEqual(scopeOf(line, 'MaxPool2d'), 'support.class.poolscript');
    assert.strictEqual(scopeOf(line, 'ceil_mode'), 'variable.parameter.function-call.poolscript');
    // An assignment outside a call is not a keyword argument.
    assert.notStrictEqual(scopeOf(line, 'pool'), 'variable.parameter.function-call.poolscript');
    assert.strictEqual(scopeOf('y = F.adaptive_avg_pool2d(x, 1)', 'adaptive_avg_pool2d'), 'entity.name.function.call.poolscript');
  });

  it('reads strings, f-strings with format specs and docstrings across lines', () => {
    assert.strictEqual(scopeOf('print("a # not a comment")', 'a # not a comment'), 'string.quoted.double.poolscript');
    const f = tokens('print(f"{y.shape} {v:.2f}")')[0];
    assert.ok(f.some(([t, s]) => t === ':.2f' && s === 'storage.type.format.poolscript'), JSON.stringify(f));
    assert.ok(f.some(([t, s]) => t === 'shape' && s === 'meta.fstring.poolscript'), JSON.stringify(f));
    const doc = tokens('"""Pools twice.', 'x = 1 is still text', '"""', 'x = 1');
    assert.ok(doc[1].every(([, s]) => s.startsWith('string.quoted.docstring')), JSON.stringify(doc[1]));
    assert.strictEqual(doc[3].find(([t]) => t === '1')?.[1], 'constant.numeric.dec.poolscript');
  });

  it('names a def and a class', () => {
    assert.strictEqual(scopeOf('def pool2d(X, pool_size):', 'pool2d'), 'entity.name.function.poolscript');
    assert.strictEqual(scopeOf('class Demo(nn.Module):', 'Demo'), 'entity.name.type.class.poolscript');
    assert.strictEqual(scopeOf('class Demo(nn.Module):', 'Module'), 'support.class.poolscript');
  });
});
