// Runs a PoolScript program as `python3 program.py` would: stdout text and the uncaught
// exception (type + message). Used by the CLI and by the corpus test.

import type { CancelToken } from '../engine/errors';
import { PoolSession, SessionOptions } from './session';

export interface RunOptions extends SessionOptions {
  token?: CancelToken;
}

export interface RunResult {
  stdout: string;
  error?: { type: string; message: string; line?: number; column?: number };
}

/** Runs `source` as one cell (or `cells` in order, stopping at the first error). */
export async function runProgram(source: string | readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const session = new PoolSession({ ...options, textOnly: true });
  const cells = typeof source === 'string' ? [source] : source;
  let stdout = '';
  for (const cell of cells) {
    const r = await session.run(cell, { token: options.token });
    for (const o of r.outputs) if (o.kind === 'stdout') stdout += o.text;
    if (r.error) {
      const error: RunResult['error'] = { type: r.error.type, message: r.error.message };
      if (r.error.lineCol) { error.line = r.error.lineCol.line; error.column = r.error.lineCol.column; }
      return { stdout, error };
    }
  }
  return { stdout };
}

/** Python's last traceback line: `Type: message` (just `Type` for an empty message). */
export function errorLine(e: { type: string; message: string }): string {
  return e.message === '' ? e.type : `${e.type}: ${e.message}`;
}
