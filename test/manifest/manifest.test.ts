// The extension manifest (package.json) and the files it points at: what the Marketplace,
// VS Code and vsce read before any code of ours runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsZh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));

/** Every "%key%" placeholder in the manifest. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) {
    value.forEach((v) => placeholders(v, found));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => placeholders(v, found));
  }
  return found;
}

describe('extension manifest', () => {
  it('localises every %placeholder% in English and Simplified Chinese, with no stray keys', () => {
    const keys = [...placeholders(pkg)].sort();
    assert.ok(keys.length >= 10, `${keys.length} placeholders`);
    assert.deepStrictEqual(keys.filter((k) => !(k in nls)), [], 'missing in package.nls.json');
    assert.deepStrictEqual(keys.filter((k) => !(k in nlsZh)), [], 'missing in package.nls.zh-cn.json');
    assert.deepStrictEqual(Object.keys(nlsZh).filter((k) => !(k in nls)), [], 'zh-cn keys unknown to English');
    for (const k of keys) assert.notStrictEqual(nlsZh[k], nls[k], `"${k}" is translated, not copied`);
  });

  it('pins engines.vscode to the @types/vscode it is compiled against', () => {
    const types = pkg.devDependencies['@types/vscode'];
    assert.match(types, /^\d+\.\d+\.\d+$/, '@types/vscode is an exact version');
    const [major, minor] = types.split('.');
    assert.strictEqual(pkg.engines.vscode, `^${major}.${minor}.0`);
  });

  it('contributes the poolnb notebook, its renderer, language and grammar', () => {
    const c = pkg.contributes;
    assert.deepStrictEqual(c.notebooks.map((n: { type: string; selector: unknown }) => [n.type, n.selector]),
      [['poolnb', [{ filenamePattern: '*.poolnb' }]]]);
    assert.deepStrictEqual(c.notebookRenderer.map((r: { id: string; entrypoint: string; mimeTypes: string[] }) => [r.id, r.entrypoint, r.mimeTypes]),
      [['poolnb.renderer', './dist/renderer.js', ['application/vnd.poolnb.value+json']]]);
    assert.ok(pkg.activationEvents.includes('onNotebook:poolnb'));
    const lang = c.languages.find((l: { id: string }) => l.id === 'poolscript');
    assert.ok(lang && fs.existsSync(path.join(ROOT, lang.configuration)), 'language configuration file');
    JSON.parse(read(lang.configuration));
    for (const g of c.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
    assert.strictEqual(pkg.l10n, './l10n');
    assert.ok(fs.readdirSync(path.join(ROOT, 'l10n')).includes('bundle.l10n.zh-cn.json'));
  });

  it('puts every command in the Pooling category, and menus only name declared commands', () => {
    const commands: { command: string; category: string }[] = pkg.contributes.commands;
    const ids = commands.map((c) => c.command).sort();
    assert.deepStrictEqual(ids, ['poolnb.computeOutputSize', 'poolnb.exportJupyter', 'poolnb.exportPython', 'poolnb.newNotebook', 'poolnb.restartKernel']);
    for (const c of commands) assert.strictEqual(c.category, '%category%', c.command);
    assert.strictEqual(nls.category, 'Pooling');
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(ids.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('declares the settings with their documented types and defaults', () => {
    const p = pkg.contributes.configuration.properties;
    assert.deepStrictEqual(
      Object.fromEntries(Object.entries(p as Record<string, { type: string; default: unknown }>).map(([k, v]) => [k, [v.type, v.default]])),
      {
        'poolnb.maxTensorElements': ['number', 67108864],
        'poolnb.display.gridMaxCells': ['number', 400],
        'poolnb.diagnostics.enabled': ['boolean', true],
        'poolnb.hover.showDerivation': ['boolean', true],
      });
  });

  it('has a 128×128 PNG icon, a gallery banner and the fields vsce asks for', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'IHDR width × height');
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(pkg.repository?.url && pkg.license && pkg.publisher && fs.existsSync(path.join(ROOT, 'LICENSE')));
    assert.deepStrictEqual(pkg.categories, ['Notebooks', 'Machine Learning', 'Education']);
    assert.deepStrictEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('ships example notebooks in the documented file format', () => {
    const files = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.poolnb'));
    assert.ok(files.length >= 7 && files.includes('empty.poolnb'), files.join(', '));
    for (const f of files) {
      const nb = JSON.parse(read(path.join('examples', f)));
      assert.strictEqual(nb.version, 1, f);
      for (const cell of nb.cells) {
        assert.ok(['code', 'markdown'].includes(cell.kind), `${f}: kind ${cell.kind}`);
        assert.strictEqual(cell.language, cell.kind === 'code' ? 'poolscript' : 'markdown', f);
        assert.strictEqual(typeof cell.source, 'string', f);
        assert.deepStrictEqual(typeof cell.metadata, 'object', f);
      }
    }
    assert.deepStrictEqual(JSON.parse(read('examples/empty.poolnb')).cells, []);
  });
});
