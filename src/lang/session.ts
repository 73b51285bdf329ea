// A kernel session: one namespace (and torch print options) shared by the cells run
// in it, in execution order. Implements the Session contract of api.ts.

import { TorchError, CancelToken } from '../engine/errors';
import type { CellError, CellOutput, CellResult, HostIO, Session } from './api';
import { parse } from './syntax/parser';
import { Interpreter, errorSite } from './interp/interpreter';
import { makeBuiltins } from './interp/builtins';
import { printer } from './interp/printer';
import { PrintOptions } from './format/printOptions';
import { DEFAULT_SEED, defaultGenerator } from '../engine/random';
import { displayView } from './display/toView';
import { DisplayRequest, PyInstance } from './interp/values';

export interface SessionOptions {
  io?: HostIO;
  /** statements + loop iterations per cell before "step budget" (default 10 million) */
  stepLimit?: number;
  recursionLimit?: number;
  /** skip building display views (the CLI's plain run only needs stdout) */
  textOnly?: boolean;
  /** tensors with more elements travel as base64 (default 1000); Infinity keeps JSON lists */
  listLimit?: number;
}

/** Parses of recent cell texts: re-running a notebook (Run All again) skips the parser. ASTs are never mutated. */
const parseCache = new Map<string, ReturnType<typeof parse>>();
function parseCached(source: string): ReturnType<typeof parse> {
  let r = parseCache.get(source);
  if (r) {
    parseCache.delete(source);
  } else {
    r = parse(source);
    if (parseCache.size >= 512) parseCache.delete(parseCache.keys().next().value as string);
  }
  parseCache.set(source, r);
  return r;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** 1-based line and 0-based column of an offset. */
export function lineColOf(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') { line++; start = i + 1; }
  return { line, column: offset - start };
}

/** Any thrown value as a Python exception (internal JS errors become RuntimeError). */
export function toCellError(e: unknown, source: string): CellError {
  const site = errorSite(e);
  let type = 'RuntimeError', message: string;
  if (e instanceof TorchError) { type = e.pyType; message = e.message; }
  else if (e instanceof RangeError && /call stack/i.test(e.message)) { type = 'RecursionError'; message = 'maximum recursion depth exceeded'; }
  else if (e instanceof RangeError && /BigInt|array length|string length|allocation/i.test(e.message)) { type = 'MemoryError'; message = ''; }
  else message = `poolnb internal error: ${e instanceof Error ? e.message : String(e)}`;
  const err: CellError = { type, message };
  if (site) { err.range = site; err.lineCol = lineColOf(source, site.start); }
  return err;
}

export class PoolSession implements Session {
  private interp!: Interpreter;
  private printOptions = new PrintOptions();
  private outputs: CellOutput[] = [];
  private pending = '';

  constructor(private readonly opts: SessionOptions = {}) {
    this.reset();
  }

  reset(): void {
    // A fresh Python process: torch's default generator starts from its default seed again.
    defaultGenerator.manualSeed(DEFAULT_SEED);
    this.printOptions = new PrintOptions();
    this.interp = new Interpreter(makeBuiltins(), {
      write: (text) => { this.pending += text; },
      display: (req) => this.addDisplay(req),
      readFile: this.opts.io?.readFile?.bind(this.opts.io),
      stepLimit: this.opts.stepLimit,
      recursionLimit: this.opts.recursionLimit,
      printOptions: this.printOptions,
    });
  }

  private flush(): void {
    if (this.pending) {
      this.outputs.push({ kind: 'stdout', text: this.pending });
      this.pending = '';
    }
  }

  private addDisplay(req: DisplayRequest): void {
    this.flush();
    printer.options = this.printOptions;
    if (this.opts.textOnly) {
      this.outputs.push({ kind: 'display', view: { kind: 'text', text: '' }, text: '' });
      return;
    }
    const { view, text } = displayView(req, this.opts.listLimit);
    this.outputs.push({ kind: 'display', view, text });
  }

  /** Runs cells one after another even when the host asks for several at once. */
  private queue: Promise<unknown> = Promise.resolve();

  run(source: string, options: { token?: CancelToken; cellIndex?: number } = {}): Promise<CellResult> {
    const next = this.queue.then(() => this.runNow(source, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(source: string, options: { token?: CancelToken; cellIndex?: number }): Promise<CellResult> {
    const t0 = now();
    this.outputs = [];
    this.pending = '';
    printer.options = this.printOptions;
    const parsed = parseCached(source);
    if (parsed.errors.length) {
      const se = parsed.errors[0];
      return {
        outputs: [],
        error: { type: se.type, message: se.message, range: se.range, lineCol: lineColOf(source, se.range.start) },
        durationMs: now() - t0,
      };
    }
    let error: CellError | undefined;
    try {
      const { last } = await this.interp.runCell(parsed.module, options.token);
      if (last instanceof PyInstance && !last.module && !this.opts.textOnly) {
        // a user object: its repr may be user code (__repr__)
        this.flush();
        const text = await this.interp.reprOf(last);
        this.outputs.push({ kind: 'display', view: { kind: 'text', text }, text });
      } else if (last !== undefined && last !== null) {
        this.addDisplay({ value: last });
      }
    } catch (e) {
      error = toCellError(e, source);
    }
    this.flush();
    const result: CellResult = { outputs: this.outputs, durationMs: now() - t0 };
    if (error) result.error = error;
    this.outputs = [];
    return result;
  }
}

export function createSession(opts?: SessionOptions): Session {
  return new PoolSession(opts);
}
