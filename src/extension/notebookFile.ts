// The `.poolnb` file format, with no `vscode` import so it can be unit-tested and reused.
//
// A file is UTF-8 JSON: { "version": 1, "cells": [ { "kind", "language", "source",
// "metadata", "outputs"? } ], "metadata": {} }. Three promises shape this module:
//  - opening then saving without edits gives back the same bytes: the codec remembers the
//    original bytes of every file it read, keyed by the content they decode to, and a save
//    of identical content returns them unchanged, whatever the file's layout;
//  - after an edit the file keeps its style (indent, line ends, BOM, final newline, key
//    order) and every field poolnb does not know, so diffs stay small;
//  - a file it cannot read is rejected with a line and column, never read as empty.

import { POOLNB_MIME } from '../common/mime';
import { decodeBase64, encodeBase64 } from '../common/base64';

export const FILE_VERSION = 1;

/** What the notebook keeps about the file beyond its cells (NotebookData.metadata). */
export interface NotebookMeta {
  /** the file's own "metadata" object */
  metadata?: Record<string, unknown>;
  /** top-level fields poolnb does not know, in file order */
  extra?: Record<string, unknown>;
  /** top-level key order as written */
  keys?: string[];
  format?: FileStyle;
}

/** What a cell keeps beyond kind/language/source/outputs (NotebookCellData.metadata). */
export interface CellMeta {
  metadata?: Record<string, unknown>;
  extra?: Record<string, unknown>;
  keys?: string[];
}

export interface FileStyle {
  /** '' for single-line JSON, else the indent unit ('  ', '    ', '\t') */
  indent: string;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  bom: boolean;
}

export const DEFAULT_STYLE: FileStyle = { indent: '  ', eol: '\n', finalNewline: true, bom: false };

export interface OutputItemDoc { mime: string; data: Uint8Array }
export interface OutputDoc { items: OutputItemDoc[]; metadata?: Record<string, unknown> }

/** A notebook in the shape of vscode.NotebookData, with plain types. */
export interface CellDoc {
  kind: 'code' | 'markdown';
  languageId: string;
  value: string;
  metadata?: Record<string, unknown>;
  outputs?: OutputDoc[];
  execution?: { order?: number; success?: boolean };
}

export interface NotebookDoc {
  cells: CellDoc[];
  metadata?: Record<string, unknown>;
}

export type ParseErrorCode =
  | 'unexpectedChar' | 'unexpectedEnd' | 'expected' | 'expectedKey' | 'badString' | 'badNumber' | 'trailing'
  | 'notObject' | 'badVersion' | 'notArray' | 'notString' | 'notObjectField' | 'badKind' | 'badUtf8';

/** A file that cannot be read as a poolnb notebook. `line`/`column` are 1-based. */
export class NotebookParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly args: string[],
    readonly line: number,
    readonly column: number,
    english: string,
  ) {
    super(`${english} (line ${line}, column ${column})`);
    this.name = 'NotebookParseError';
  }
}

// ---------------------------------------------------------------- JSON with positions

interface Located { value: unknown; start: number }

/** A small JSON parser that reports the line and column of the first error
 * (JSON.parse's messages carry at most an offset, and not for every error). */
class JsonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): Located {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.pos < this.text.length) this.fail('trailing', [], 'Unexpected text after the end of the JSON value');
    return v;
  }

  fail(code: ParseErrorCode, args: string[], english: string, at = this.pos): never {
    const { line, column } = lineColumn(this.text, at);
    throw new NotebookParseError(code, args, line, column, english);
  }

  private ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private unexpected(): never {
    if (this.pos >= this.text.length) this.fail('unexpectedEnd', [], 'Unexpected end of file');
    const ch = JSON.stringify(this.text[this.pos]);
    this.fail('unexpectedChar', [ch], `Unexpected character ${ch}`);
  }

  private expect(ch: string, what: string): void {
    this.ws();
    if (this.text[this.pos] !== ch) {
      if (this.pos >= this.text.length) this.fail('unexpectedEnd', [], 'Unexpected end of file');
      this.fail('expected', [what], `Expected ${what}`);
    }
    this.pos++;
  }

  private value(): Located {
    this.ws();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return { value: this.object(), start };
    if (c === '[') return { value: this.array(), start };
    if (c === '"') return { value: this.string(), start };
    if (c === '-' || (c >= '0' && c <= '9')) return { value: this.number(), start };
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) { this.pos += word.length; return { value: v, start }; }
    }
    return this.unexpected();
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++; // {
    this.ws();
    if (this.text[this.pos] === '}') { this.pos++; return out; }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') {
        if (this.pos >= this.text.length) this.fail('unexpectedEnd', [], 'Unexpected end of file');
        this.fail('expectedKey', [], 'Expected a property name in double quotes');
      }
      const key = this.string();
      this.expect(':', "':'");
      // defineProperty so that a "__proto__" key is data, not a prototype change
      Object.defineProperty(out, key, { value: this.value().value, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') { this.pos++; continue; }
      if (c === '}') { this.pos++; return out; }
      if (this.pos >= this.text.length) this.fail('unexpectedEnd', [], 'Unexpected end of file');
      this.fail('expected', ["',' or '}'"], "Expected ',' or '}'");
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++; // [
    this.ws();
    if (this.text[this.pos] === ']') { this.pos++; return out; }
    for (;;) {
      out.push(this.value().value);
      this.ws();
      const c = this.text[this.pos];
      if (c === ',') { this.pos++; continue; }
      if (c === ']') { this.pos++; return out; }
      if (this.pos >= this.text.length) this.fail('unexpectedEnd', [], 'Unexpected end of file');
      this.fail('expected', ["',' or ']'"], "Expected ',' or ']'");
    }
  }

  private string(): string {
    const start = this.pos;
    const t = this.text;
    let i = start + 1;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) { i++; continue; }
      if (c < 0x20) this.fail('badString', [], 'Control character in a string (use \\n)', i);
    }
    if (i >= t.length) this.fail('unexpectedEnd', [], 'Unexpected end of file inside a string', t.length);
    this.pos = i + 1;
    try {
      return JSON.parse(t.slice(start, i + 1)) as string;
    } catch {
      return this.fail('badString', [], 'Invalid escape sequence in a string', start);
    }
  }

  private number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail('badNumber', [], 'Invalid number');
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------- style

function detectStyle(text: string, bom: boolean): FileStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m ? (m[1].startsWith('\t') ? '\t' : m[1]) : '';
  const finalNewline = text.endsWith('\n');
  return { indent, eol, finalNewline, bom };
}

// ---------------------------------------------------------------- decode

const TOP_KEYS = ['version', 'cells', 'metadata'];
const CELL_KEYS = ['kind', 'language', 'source', 'metadata', 'outputs', 'execution'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Decodes file bytes; throws NotebookParseError for anything it cannot read. */
export function decodeNotebook(bytes: Uint8Array): NotebookDoc {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NotebookParseError('badUtf8', [], 1, 1, 'The file is not valid UTF-8 text');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') return { cells: [], metadata: {} };

  const reader = new JsonReader(text);
  const { value: root } = reader.parseDocument();
  const at = (path: string) => locate(text, path);
  if (!isPlainObject(root)) {
    throw new NotebookParseError('notObject', [], 1, 1, 'A poolnb file must be a JSON object with "version" and "cells"');
  }
  if ('version' in root && root.version !== FILE_VERSION) {
    const { line, column } = at('"version"');
    const v = JSON.stringify(root.version);
    throw new NotebookParseError('badVersion', [v], line, column,
      `Unsupported notebook version ${v}; this poolnb reads version ${FILE_VERSION}`);
  }
  const fieldError = (code: ParseErrorCode, field: string, english: string, near: string): never => {
    const { line, column } = at(near);
    throw new NotebookParseError(code, [field], line, column, english);
  };
  const rawCells = root.cells ?? [];
  if (!Array.isArray(rawCells)) fieldError('notArray', 'cells', '"cells" must be an array', '"cells"');
  if ('metadata' in root && !isPlainObject(root.metadata)) {
    fieldError('notObjectField', 'metadata', '"metadata" must be an object', '"metadata"');
  }

  const cells: CellDoc[] = (rawCells as unknown[]).map((raw, i) => decodeCell(raw, i, text));
  const meta: NotebookMeta = { format: detectStyle(text, bom), keys: Object.keys(root) };
  if ('metadata' in root) meta.metadata = root.metadata as Record<string, unknown>;
  const extra = pickUnknown(root, TOP_KEYS);
  if (extra) meta.extra = extra;
  return { cells, metadata: meta as Record<string, unknown> };
}

function decodeCell(raw: unknown, index: number, text: string): CellDoc {
  const where = () => cellPosition(text, index);
  const fail = (code: ParseErrorCode, field: string, english: string): never => {
    const { line, column } = where();
    throw new NotebookParseError(code, [String(index + 1), field], line, column, english);
  };
  if (!isPlainObject(raw)) return fail('notObjectField', 'cell', `Cell ${index + 1} must be an object`);
  const kind = raw.kind ?? 'code';
  if (kind !== 'code' && kind !== 'markdown') {
    return fail('badKind', 'kind', `Cell ${index + 1}: "kind" must be "code" or "markdown"`);
  }
  const source = raw.source ?? '';
  if (typeof source !== 'string') return fail('notString', 'source', `Cell ${index + 1}: "source" must be a string`);
  const language = raw.language ?? (kind === 'markdown' ? 'markdown' : 'poolscript');
  if (typeof language !== 'string') return fail('notString', 'language', `Cell ${index + 1}: "language" must be a string`);
  if ('metadata' in raw && !isPlainObject(raw.metadata)) {
    fail('notObjectField', 'metadata', `Cell ${index + 1}: "metadata" must be an object`);
  }
  const cellMeta: CellMeta = { keys: Object.keys(raw) };
  if ('metadata' in raw) cellMeta.metadata = raw.metadata as Record<string, unknown>;
  const extra = pickUnknown(raw, CELL_KEYS);
  if (extra) cellMeta.extra = extra;

  const cell: CellDoc = { kind, languageId: language, value: source, metadata: cellMeta as Record<string, unknown> };
  if ('outputs' in raw) {
    if (!Array.isArray(raw.outputs)) fail('notArray', 'outputs', `Cell ${index + 1}: "outputs" must be an array`);
    cell.outputs = (raw.outputs as unknown[]).map((o) => decodeOutput(o, () => fail('notObjectField', 'outputs',
      `Cell ${index + 1}: an output must be an object with "items"`)));
  }
  if (isPlainObject(raw.execution)) {
    const e = raw.execution;
    cell.execution = {};
    if (typeof e.order === 'number') cell.execution.order = e.order;
    if (typeof e.success === 'boolean') cell.execution.success = e.success;
  }
  return cell;
}

function pickUnknown(obj: Record<string, unknown>, known: string[]): Record<string, unknown> | undefined {
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      Object.defineProperty(extra, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
      any = true;
    }
  }
  return any ? extra : undefined;
}

/** Rough position of a key for schema errors: its first occurrence in the text. */
function locate(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  return lineColumn(text, i < 0 ? 0 : i);
}

/** Position of the index-th element of the top-level "cells" array, found by a light scan. */
function cellPosition(text: string, index: number): { line: number; column: number } {
  const cellsAt = text.indexOf('"cells"');
  if (cellsAt < 0) return { line: 1, column: 1 };
  let depth = 0;
  let n = -1;
  let expectValue = false;
  for (let i = text.indexOf('[', cellsAt); i >= 0 && i < text.length; i++) {
    const c = text[i];
    if (depth === 1 && expectValue && !/\s/.test(c)) {
      expectValue = false;
      if (++n === index) return lineColumn(text, i);
    }
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) break;
    } else if (c === ',' && depth === 1) expectValue = true;
  }
  return lineColumn(text, cellsAt);
}

// ---------------------------------------------------------------- outputs

/** Mimes whose bytes are UTF-8 text, stored as a readable string. */
function isTextMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'application/vnd.code.notebook.stdout'
    || mime === 'application/vnd.code.notebook.stderr' || mime === 'application/javascript'
    || mime === 'image/svg+xml';
}

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json') || mime === POOLNB_MIME
    || mime === 'application/vnd.code.notebook.error';
}

const utf8 = new TextEncoder();
const fromUtf8 = (b: Uint8Array) => new TextDecoder().decode(b);

function decodeOutput(raw: unknown, bad: () => never): OutputDoc {
  if (!isPlainObject(raw) || !Array.isArray(raw.items)) return bad();
  const items = raw.items.map((it): OutputItemDoc => {
    if (!isPlainObject(it) || typeof it.mime !== 'string') return bad();
    if ('json' in it) return { mime: it.mime, data: utf8.encode(JSON.stringify(it.json)) };
    if (typeof it.text === 'string') return { mime: it.mime, data: utf8.encode(it.text) };
    if (typeof it.base64 === 'string') return { mime: it.mime, data: decodeBase64(it.base64) };
    return bad();
  });
  const out: OutputDoc = { items };
  if (isPlainObject(raw.metadata)) out.metadata = raw.metadata;
  return out;
}

function encodeOutput(o: OutputDoc): Record<string, unknown> {
  const items = o.items.map((it) => {
    if (isJsonMime(it.mime)) {
      try { return { mime: it.mime, json: JSON.parse(fromUtf8(it.data)) as unknown }; } catch { /* not JSON after all */ }
    }
    if (isTextMime(it.mime) || isJsonMime(it.mime)) {
      const s = fromUtf8(it.data);
      if (!s.includes('\ufffd')) return { mime: it.mime, text: s };
    }
    return { mime: it.mime, base64: encodeBase64(it.data) };
  });
  const out: Record<string, unknown> = { items };
  if (o.metadata && Object.keys(o.metadata).length) out.metadata = o.metadata;
  return out;
}

// ---------------------------------------------------------------- encode

/** The file's JSON value for a notebook, fields in the file's original order. */
export function toFileValue(doc: NotebookDoc): Record<string, unknown> {
  const meta = (doc.metadata ?? {}) as NotebookMeta;
  const fields: Record<string, unknown> = {
    version: FILE_VERSION,
    cells: doc.cells.map(toCellValue),
    metadata: meta.metadata ?? {},
    ...(meta.extra ?? {}),
  };
  return ordered(fields, meta.keys);
}

function toCellValue(cell: CellDoc): Record<string, unknown> {
  const meta = (cell.metadata ?? {}) as CellMeta;
  const fields: Record<string, unknown> = {
    kind: cell.kind,
    language: cell.languageId,
    source: cell.value,
  };
  // a cell read without "metadata" is written without it, unless metadata was added since
  if (meta.metadata !== undefined || !meta.keys) fields.metadata = meta.metadata ?? {};
  const outputs = cell.outputs ?? [];
  if (outputs.length || meta.keys?.includes('outputs')) fields.outputs = outputs.map(encodeOutput);
  if (outputs.length && cell.execution && (cell.execution.order !== undefined || cell.execution.success !== undefined)) {
    fields.execution = { ...cell.execution };
  }
  Object.assign(fields, meta.extra ?? {});
  return ordered(fields, meta.keys);
}

function ordered(fields: Record<string, unknown>, keys: string[] | undefined): Record<string, unknown> {
  if (!keys) return fields;
  const out: Record<string, unknown> = {};
  const put = (k: string) => Object.defineProperty(out, k, { value: fields[k], enumerable: true, writable: true, configurable: true });
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(fields, k)) put(k);
  for (const k of Object.keys(fields)) if (!Object.prototype.hasOwnProperty.call(out, k)) put(k);
  return out;
}

/** Writes JSON in a given style; outputs (one per line) and execution summaries stay compact. */
export function formatJson(value: unknown, style: FileStyle): string {
  const { indent, eol } = style;
  const write = (v: unknown, level: number, compact: boolean, key?: string): string => {
    if (compact || key === 'execution' || indent === '' || v === null || typeof v !== 'object') {
      return JSON.stringify(v) ?? 'null';
    }
    const pad = indent.repeat(level + 1);
    const close = indent.repeat(level);
    const inner = key === 'outputs';
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      return '[' + eol + v.map((x) => pad + write(x, level + 1, inner)).join(',' + eol) + eol + close + ']';
    }
    const keys = Object.keys(v as object);
    if (!keys.length) return '{}';
    return '{' + eol + keys.map((k) => pad + JSON.stringify(k) + ': ' +
      write((v as Record<string, unknown>)[k], level + 1, false, k)).join(',' + eol) + eol + close + '}';
  };
  return (style.bom ? '\ufeff' : '') + write(value, 0, false) + (style.finalNewline ? eol : '');
}

/**
 * Encodes and decodes notebooks, giving back the very bytes it read when a notebook is
 * saved unchanged. Keeps the last few files it read (bytes keyed by their decoded content).
 */
export class NotebookCodec {
  private readonly originals = new Map<string, Uint8Array>();
  constructor(private readonly capacity = 32) {}

  decode(bytes: Uint8Array): NotebookDoc {
    const doc = decodeNotebook(bytes);
    this.remember(canonical(doc), bytes);
    return doc;
  }

  encode(doc: NotebookDoc): Uint8Array {
    const key = canonical(doc);
    const original = this.originals.get(key);
    if (original !== undefined) return original;
    const style = ((doc.metadata ?? {}) as NotebookMeta).format ?? DEFAULT_STYLE;
    const bytes = utf8.encode(formatJson(toFileValue(doc), style));
    this.remember(key, bytes);
    return bytes;
  }

  private remember(key: string, bytes: Uint8Array): void {
    this.originals.delete(key);
    this.originals.set(key, bytes);
    while (this.originals.size > this.capacity) {
      this.originals.delete(this.originals.keys().next().value as string);
    }
  }
}

/** The content of a notebook, independent of layout: equal strings mean equal files. */
function canonical(doc: NotebookDoc): string {
  const meta = (doc.metadata ?? {}) as NotebookMeta;
  return JSON.stringify([toFileValue(doc), meta.format ?? null]);
}
