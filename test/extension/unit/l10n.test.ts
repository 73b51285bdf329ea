// Every user-visible string of the extension goes through vscode.l10n.t with a literal
// message, and l10n/bundle.l10n.zh-cn.json translates each of them, keeping placeholders.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LABELS, pickLanguage } from '../../../src/renderer/labels';

const ROOT = path.resolve(__dirname, '../../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The first argument of every `l10n.t(` call, or undefined where it is not a plain literal. */
function messages(): Array<{ file: string; key?: string }> {
  const out: Array<{ file: string; key?: string }> = [];
  for (const file of tsFiles(path.join(ROOT, 'src/extension'))) {
    const text = fs.readFileSync(file, 'utf8');
    const call = /l10n\.t\(\s*/g;
    let m: RegExpExecArray | null;
    while ((m = call.exec(text))) {
      const rest = text.slice(call.lastIndex);
      const lit = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1\s*[,)]/.exec(rest) ?? /^`((?:\\.|[^\\`$])*)`\s*[,)]/.exec(rest);
      const rel = path.relative(ROOT, file);
      if (!lit) { out.push({ file: rel }); continue; }
      const raw = lit[0].replace(/\s*[,)]$/, '');
      out.push({ file: rel, key: new Function(`return ${raw}`)() as string });
    }
  }
  return out;
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

describe('l10n', () => {
  const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
  const found = messages();

  it('finds the l10n.t calls of the extension', () => {
    assert.ok(found.length > 40, `found ${found.length}`);
  });

  it('calls l10n.t only with literal messages (so they can be translated)', () => {
    assert.deepEqual(found.filter((f) => f.key === undefined).map((f) => f.file), []);
  });

  it('has a zh-cn translation for every message', () => {
    const missing = [...new Set(found.map((f) => f.key!).filter((k) => !(k in bundle)))];
    assert.deepEqual(missing, []);
  });

  it('keeps every placeholder in the translations', () => {
    for (const [en, zh] of Object.entries(bundle)) assert.deepEqual(placeholders(zh), placeholders(en), en);
  });

  it('has no translations for messages the code no longer uses', () => {
    const used = new Set(found.map((f) => f.key));
    assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), []);
  });

  it('the renderer has the same labels, with the same placeholders, in English and zh-cn', () => {
    const en = LABELS.en; const zh = LABELS['zh-cn'];
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const k of Object.keys(en) as Array<keyof typeof en>) assert.deepEqual(placeholders(zh[k]), placeholders(en[k]), k);
  });

  it('the renderer picks zh-cn for Simplified Chinese and English otherwise', () => {
    assert.equal(pickLanguage('zh-CN'), 'zh-cn');
    assert.equal(pickLanguage('zh-Hans-CN'), 'zh-cn');
    assert.equal(pickLanguage('zh'), 'zh-cn');
    assert.equal(pickLanguage('en-US'), 'en');
    assert.equal(pickLanguage('de'), 'en');
    assert.equal(pickLanguage(undefined), 'en');
  });
});
