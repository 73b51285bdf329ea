// The layering of ARCHITECTURE.md, checked on the import statements of every source file:
// imports only point down, and the portable layers never reach for vscode or Node.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Which layers each layer may import (besides itself). */
// common/ is the bottom layer (plain data and tiny portable helpers such as the base64
// codec), so every layer, the engine included, may use it.
const ALLOWED: Record<string, string[]> = {
  common: [],
  engine: ['common'],
  lang: ['engine', 'common'],
  renderer: ['common', 'engine'],
  // host/: the few Node-only helpers both Node hosts share (starting the engine's second thread)
  host: ['engine', 'common'],
  cli: ['lang', 'engine', 'common', 'host'],
  extension: ['lang', 'engine', 'common', 'host'],
};
const PORTABLE = new Set(['common', 'engine', 'lang', 'renderer']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Type-only imports of the view-model contract in src/common are erased at build time,
 * so they couple no code: the engine may name the types it fills in (AxisDerivation). */
const TYPE_ONLY_OK = new Set(['common']);

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs: { spec: string; typeOnly: boolean }[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s([^;]*?)from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m; (m = re.exec(text)); ) {
    specs.push({ spec: m[2] ?? m[3] ?? m[4], typeOnly: m[1] !== undefined && /^type\s/.test(m[1]) });
  }
  return specs;
}

describe('layering (ARCHITECTURE.md)', () => {
  for (const layer of Object.keys(ALLOWED)) {
    const dir = path.join(SRC, layer);
    if (!fs.existsSync(dir)) continue;
    it(`src/${layer} imports only ${ALLOWED[layer].join(', ') || 'itself'}${PORTABLE.has(layer) ? ', and no vscode or Node built-ins' : ''}`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(dir)) {
        const rel = path.relative(SRC, file);
        const worker = layer === 'extension' && rel.includes(`${path.sep}worker${path.sep}`);
        for (const { spec, typeOnly } of importsOf(file)) {
          if (spec.startsWith('.')) {
            const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
            const ok = target === layer || ALLOWED[layer].includes(target) || (typeOnly && TYPE_ONLY_OK.has(target));
            if (!ok) problems.push(`${rel} -> ${spec}`);
          } else if (PORTABLE.has(layer) && (spec === 'vscode' || NODE_BUILTINS.has(spec))) {
            problems.push(`${rel} -> ${spec}`);
          } else if (spec === 'vscode' && (layer === 'cli' || worker)) {
            problems.push(`${rel} -> ${spec}`);
          }
        }
      }
      assert.deepStrictEqual(problems, []);
    });
  }
});
