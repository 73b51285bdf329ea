// The `poolnb` bin (src/cli/bin.ts): a loader compiling the CLI bundle through V8's code cache.
// The cache must only ever change speed: the same output with no cache, a fresh cache, a used
// cache and a corrupt cache file, which is then replaced. Built into a temporary folder with
// esbuild.js cliBuilds(), as the benchmark does.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');

describe('poolnb bin: V8 code cache loader', function () {
  this.timeout(60000);
  let dir = '', bin = '', cacheDir = '', script = '';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poolnb-codecache-'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { cliBuilds } = require(path.join(ROOT, 'esbuild.js')) as { cliBuilds(prod: boolean, outdir: string): Parameters<typeof buildSync>[0][] };
    for (const b of cliBuilds(true, path.join(dir, 'dist'))) {
      buildSync({ ...b, entryPoints: (b.entryPoints as string[]).map((e) => path.join(ROOT, e)), plugins: [], logLevel: 'error' });
    }
    bin = path.join(dir, 'dist', 'cli.js');
    cacheDir = path.join(dir, 'cache');
    script = path.join(dir, 'a.py');
    fs.writeFileSync(script, 'x = torch.arange(16.0).view(1, 1, 4, 4)\nprint(nn.MaxPool2d(2)(x))\nraise ValueError("stop")\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (cache: string) => {
    const r = spawnSync(process.execPath, [bin, 'run', script], { encoding: 'utf8', env: { ...process.env, POOLNB_CODE_CACHE: cache } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);

  it('no cache, a new cache, the cache in use and a corrupt cache all give the same output', () => {
    const plain = run('0');
    assert.strictEqual(plain.stdout, 'tensor([[[[ 5.,  7.],\n          [13., 15.]]]])\n');
    assert.strictEqual(plain.stderr.trimEnd().split('\n').pop(), 'ValueError: stop');
    assert.strictEqual(plain.status, 1);
    assert.deepStrictEqual(cacheFiles(), []);

    assert.deepStrictEqual(run(cacheDir), plain); // writes the cache
    const files = cacheFiles();
    assert.strictEqual(files.length, 1);
    assert.match(files[0], /^cliMain-\d+-\d+-v[\d.]+-\w+-run\.bin$/);
    const file = path.join(cacheDir, files[0]);
    assert.ok(fs.statSync(file).size > 1000);

    assert.deepStrictEqual(run(cacheDir), plain); // reads it

    fs.writeFileSync(file, Buffer.from('not V8 code cache data'));
    assert.deepStrictEqual(run(cacheDir), plain); // rejected by V8, compiled anew, rewritten
    assert.ok(fs.statSync(file).size > 1000);
    assert.deepStrictEqual(cacheFiles(), files);
  });

  it('an unwritable cache location only costs speed', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const r = run(path.join(blocker, 'cache')); // a directory inside a file cannot be made
    assert.strictEqual(r.stdout, 'tensor([[[[ 5.,  7.],\n          [13., 15.]]]])\n');
    assert.strictEqual(r.status, 1);
  });

  it('require() of the bin gives the CLI module', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const cli = require(bin) as { main: unknown; VERSION: unknown };
    assert.strictEqual(typeof cli.main, 'function');
    assert.strictEqual(typeof cli.VERSION, 'string');
  });
});
