// The `poolnb` executable (dist/cli.js). It is a small loader: the CLI itself is the bundle
// dist/cliMain.js (src/cli/main.ts), compiled here through V8's code cache, because compiling
// that bundle's functions again in every process is a large part of a short run's time
// (Node 20 has no module.enableCompileCache). The cache holds V8 bytecode made after a run,
// so it also covers the functions compiled lazily during the run.
//
// Robustness: the cache is only an accelerator. The cache file is keyed by the bundle's size
// and mtime, the Node version, the architecture and the command; V8 itself rejects data made
// for another source length, V8 version or flag set (then the file is rewritten). Any failure
// (no home directory, read-only disk, corrupt file) falls back to plain compilation.
// POOLNB_CODE_CACHE=0 turns it off; POOLNB_CODE_CACHE=DIR puts it in DIR.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import Module = require('module');

type CliModule = typeof import('./main');

const BUNDLE = path.join(__dirname, 'cliMain.js');

/** Per-user cache directory (never a shared temporary directory: the cache holds code). */
function cacheDir(): string | undefined {
  const env = process.env.POOLNB_CODE_CACHE;
  if (env === '0' || env === 'off') return undefined;
  if (env) return env;
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA
    : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return base ? path.join(base, 'poolnb', 'v8-code-cache') : undefined;
}

/** Which functions a run compiles depends on the command, so each command keeps its own file. */
function commandKind(argv: string[]): string {
  const c = argv[0];
  return c === 'run' || c === 'check' || c === 'size' ? c : 'other';
}

interface Loaded { cli: CliModule; saveCache(): void }

function loadWithCache(argv: string[]): Loaded {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cacheFile: string | undefined;
  let cached: Buffer | undefined;
  try {
    const dir = cacheDir();
    if (dir) {
      const st = fs.statSync(BUNDLE);
      const key = [st.size, Math.round(st.mtimeMs), process.version, process.arch, commandKind(argv)].join('-');
      cacheFile = path.join(dir, `cliMain-${key}.bin`);
      try { cached = fs.readFileSync(cacheFile); } catch { cached = undefined; }
    }
  } catch {
    cacheFile = undefined;
  }
  const wrapped = Module.wrap(source.startsWith('#!') ? '//' + source : source);
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData: cached });
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  const fn = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  fn.call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, path.dirname(BUNDLE));
  mod.loaded = true;
  const needsWrite = cacheFile !== undefined && (cached === undefined || script.cachedDataRejected === true);
  return {
    cli: mod.exports as CliModule,
    saveCache() {
      if (!needsWrite || !cacheFile) return;
      // Written aside then renamed, so a concurrent poolnb never reads half a file.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        const data = script.createCachedData();
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A cache that cannot be written only costs speed.
        try { fs.unlinkSync(tmp); } catch { /* nothing was written */ }
      }
    },
  };
}

function load(argv: string[]): Loaded {
  try {
    return loadWithCache(argv);
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return { cli: require(BUNDLE) as CliModule, saveCache() {} };
  }
}

/**
 * A poolnb run is short: most of its functions run a few hundred times, and V8's optimizing
 * compiler (TurboFan, on a background thread) spends more CPU on them than it saves before the
 * process ends — on a 2-core machine it competes with the run itself. A higher interrupt budget
 * (V8's default is 67584) makes V8 wait for more work before optimizing a function, so short runs
 * stay in the cheaper tiers while long loops still get optimized. Measured on the 200-cell lesson
 * notebook: about a third less CPU; on a 1.5 s notebook no measurable change. Set before the
 * bundle is compiled (the code cache is keyed to the flags, so every run must set the same).
 * A budget given on the command line or in NODE_OPTIONS wins.
 */
function tuneTiering(): void {
  const given = process.execArgv.join(' ') + ' ' + (process.env.NODE_OPTIONS ?? '');
  if (/interrupt[-_]budget/.test(given)) return;
  try { v8.setFlagsFromString('--interrupt-budget=600000'); } catch { /* only a speed setting */ }
}

if (require.main === module) {
  tuneTiering();
  const argv = process.argv.slice(2);
  const { cli, saveCache } = load(argv);
  void cli.runAsProcess(argv).then(saveCache);
} else {
  // require('dist/cli.js') gives the CLI module (main, HELP, VERSION), as before the loader.
  module.exports = require(BUNDLE);
}
