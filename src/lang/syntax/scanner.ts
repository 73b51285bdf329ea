// The scanner: Python's tokenizer rules for the PoolScript subset. It never throws.
// Logical lines end in NEWLINE; indentation changes become INDENT/DEDENT; inside
// brackets newlines and indentation are ignored (implicit line joining); a backslash
// at the end of a line joins it with the next. Errors are recorded with Python 3.11's
// messages and the scanner carries on, so the parser always gets a token stream.

import type { SyntaxErrorInfo } from './nodes';
import { OPERATORS, Token, TokenKind } from './tokens';

export interface ScanResult {
  tokens: Token[];
  errors: SyntaxErrorInfo[];
  /** brackets still open at the end of the text (innermost last) */
  unclosed: { char: string; start: number; line: number }[];
}

const ID_START = /[\p{L}\p{Nl}_\u1885\u1886\u2118\u212E\u309B\u309C]/u;
const ID_CONTINUE = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_\u00B7\u0387\u1369-\u1371\u19DA]/u;
const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Operators by their first character, longest first (the scanner matches greedily). */
const OPS_BY_FIRST = new Map<string, string[]>();
for (const o of OPERATORS) OPS_BY_FIRST.set(o[0], [...(OPS_BY_FIRST.get(o[0]) ?? []), o]);
const isAsciiIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isAsciiIdContinue = (c: number) => isAsciiIdStart(c) || (c >= 48 && c <= 57);

export function scan(text: string): ScanResult {
  const tokens: Token[] = [];
  const errors: SyntaxErrorInfo[] = [];
  const brackets: { char: string; start: number; line: number }[] = [];
  const indents: number[] = [0];
  /** for TabError: the indentation measured with tab size 1, per level */
  const altIndents: number[] = [0];
  let pos = 0;
  let line = 1;
  let atLineStart = true;
  const n = text.length;

  const push = (kind: TokenKind, start: number, end: number, tokLine = line) =>
    tokens.push({ kind, value: text.slice(start, end), start, end, line: tokLine, level: brackets.length });
  const error = (message: string, start: number, end: number, type: SyntaxErrorInfo['type'] = 'SyntaxError') =>
    errors.push({ type, message, range: { start, end } });

  while (pos < n || atLineStart) {
    if (atLineStart) {
      atLineStart = false;
      // Measure indentation (tabs to the next multiple of 8, as Python does).
      let col = 0, alt = 0, p = pos;
      while (p < n) {
        const c = text[p];
        if (c === ' ') { col++; alt++; }
        else if (c === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++; }
        else if (c === '\f') { col = 0; alt = 0; }
        else break;
        p++;
      }
      // Blank lines and comment-only lines do not count.
      if (p >= n || text[p] === '\n' || text[p] === '\r' || text[p] === '#') {
        pos = p;
        if (p >= n) break;
        if (text[p] === '#') while (pos < n && text[pos] !== '\n' && text[pos] !== '\r') pos++;
        if (pos < n) { pos += text[pos] === '\r' && text[pos + 1] === '\n' ? 2 : 1; line++; atLineStart = true; }
        continue;
      }
      const top = indents[indents.length - 1];
      if (col > top) {
        if (alt <= altIndents[altIndents.length - 1]) error('inconsistent use of tabs and spaces in indentation', pos, pos, 'TabError');
        indents.push(col); altIndents.push(alt);
        push('INDENT', pos, p);
      } else if (col < top) {
        while (indents.length > 1 && col < indents[indents.length - 1]) {
          indents.pop(); altIndents.pop();
          push('DEDENT', p, p);
        }
        if (col !== indents[indents.length - 1]) {
          // Python points at the end of the offending line
          let eol = p;
          while (eol < n && text[eol] !== '\n' && text[eol] !== '\r') eol++;
          error('unindent does not match any outer indentation level', eol, eol, 'IndentationError');
        } else if (alt !== altIndents[altIndents.length - 1]) {
          error('inconsistent use of tabs and spaces in indentation', pos, pos, 'TabError');
        }
      } else if (alt !== altIndents[altIndents.length - 1]) {
        error('inconsistent use of tabs and spaces in indentation', pos, pos, 'TabError');
      }
      pos = p;
      continue;
    }
    const c = text[pos];
    // Whitespace within a line.
    if (c === ' ' || c === '\t' || c === '\f') { pos++; continue; }
    if (c === '#') { while (pos < n && text[pos] !== '\n' && text[pos] !== '\r') pos++; continue; }
    if (c === '\n' || c === '\r') {
      const len = c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      if (brackets.length === 0) { push('NEWLINE', pos, pos + len); atLineStart = true; }
      pos += len; line++;
      continue;
    }
    if (c === '\\') {
      const next = text[pos + 1];
      if (next === '\n' || next === '\r') {
        pos += next === '\r' && text[pos + 2] === '\n' ? 3 : 2; line++;
        continue;
      }
      if (pos + 1 >= n) {
        // A backslash at the very end: Python reports an unexpected EOF.
        error('unexpected EOF while parsing', pos, pos + 1);
        pos++;
        continue;
      }
      error('unexpected character after line continuation character', pos + 1, pos + 1);
      pos++;
      continue;
    }
    const start = pos;
    // Strings (with an optional prefix) come before names because of r'', f'' ...
    const strLen = stringPrefixLength(text, pos);
    if (strLen >= 0) {
      const startLine = line;
      pos = scanString(text, pos, strLen, (m, s, e) => error(m, s, e), () => line, (l) => { line = l; });
      tokens.push({ kind: 'STRING', value: text.slice(start, pos), start, end: pos, line: startLine, level: brackets.length });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[pos + 1] ?? ''))) {
      pos = scanNumber(text, pos, (m, s, e) => error(m, s, e));
      push('NUMBER', start, pos);
      continue;
    }
    const cp = text.codePointAt(pos)!;
    const ch = String.fromCodePoint(cp);
    if (isAsciiIdStart(cp) || (cp >= 128 && ID_START.test(ch))) {
      pos += ch.length;
      while (pos < n) {
        const dc = text.charCodeAt(pos);
        if (isAsciiIdContinue(dc)) { pos++; continue; }
        if (dc < 128) break;
        const d = String.fromCodePoint(text.codePointAt(pos)!);
        if (!ID_CONTINUE.test(d)) break;
        pos += d.length;
      }
      push('NAME', start, pos);
      continue;
    }
    const op = OPS_BY_FIRST.get(c)?.find((o) => text.startsWith(o, pos));
    if (op) {
      if (op === '(' || op === '[' || op === '{') {
        push('OP', pos, pos + 1);
        brackets.push({ char: op, start: pos, line });
      } else if (op === ')' || op === ']' || op === '}') {
        const open = brackets[brackets.length - 1];
        if (!open) error(`unmatched '${op}'`, pos, pos);
        else if (open.char !== CLOSER[op]) {
          error(`closing parenthesis '${op}' does not match opening parenthesis '${open.char}'` +
            (open.line !== line ? ` on line ${open.line}` : ''), pos, pos);
        }
        if (open) brackets.pop();
        push('OP', pos, pos + 1);
      } else {
        push('OP', pos, pos + op.length);
      }
      pos += op.length;
      continue;
    }
    // Anything else: ASCII punctuation Python has no token for is "invalid syntax";
    // other characters (full-width brackets from Chinese keyboards...) name themselves.
    if (cp < 128) {
      push('ERROR', pos, pos + 1);
    } else {
      error(`invalid character '${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`, pos, pos);
    }
    pos += ch.length;
  }
  // The implicit NEWLINE at the end of a last line that has none, then DEDENTs and EOF.
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== 'NEWLINE' && last.kind !== 'DEDENT' && last.kind !== 'INDENT') {
    tokens.push({ kind: 'NEWLINE', value: '', start: n, end: n, line, level: brackets.length });
  }
  while (indents.length > 1) { indents.pop(); push('DEDENT', n, n); }
  push('EOF', n, n);
  return { tokens, errors, unclosed: brackets };
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Length of a string prefix (r, b, f, u, rb, br, fr, rf in any case) at pos when a quote follows, else -1. */
function stringPrefixLength(text: string, pos: number): number {
  for (let len = 0; len <= 2; len++) {
    const q = text[pos + len];
    if (q === '"' || q === "'") {
      const prefix = text.slice(pos, pos + len).toLowerCase();
      if (['', 'r', 'b', 'f', 'u', 'rb', 'br', 'fr', 'rf'].includes(prefix)) return len;
      return -1;
    }
    if (!/[rRbBfFuU]/.test(q ?? '')) return -1;
  }
  return -1;
}

/** Scans a string literal; returns the end offset. Unterminated strings end at the line (or text) end. */
function scanString(
  text: string, start: number, prefixLen: number,
  error: (m: string, s: number, e: number) => void,
  getLine: () => number, setLine: (l: number) => void,
): number {
  let pos = start + prefixLen;
  const q = text[pos];
  const triple = text.startsWith(q + q + q, pos);
  const quote = triple ? q + q + q : q;
  pos += quote.length;
  let line = getLine();
  while (pos < text.length) {
    const c = text[pos];
    if (c === '\\') {
      if (text[pos + 1] === '\n') line++;
      else if (text[pos + 1] === '\r') { line++; if (text[pos + 2] === '\n') pos++; }
      pos += 2;
      continue;
    }
    if (text.startsWith(quote, pos)) { setLine(line); return pos + quote.length; }
    if (c === '\n' || c === '\r') {
      if (!triple) {
        error(`unterminated string literal (detected at line ${line})`, start, start);
        setLine(line);
        return pos;
      }
      if (c === '\r' && text[pos + 1] === '\n') pos++;
      line++;
    }
    pos++;
  }
  // a final newline does not start a line of its own
  if (text.endsWith('\n') || text.endsWith('\r')) line--;
  error(triple ? `unterminated triple-quoted string literal (detected at line ${line})`
    : `unterminated string literal (detected at line ${line})`, start, start);
  setLine(line);
  return text.length;
}

/** Scans a number; records Python's message for malformed literals. */
function scanNumber(text: string, start: number, error: (m: string, s: number, e: number) => void): number {
  let pos = start;
  const n = text.length;
  // Python rejects any identifier character or non-ASCII character right after a number.
  const isId = (i: number) => i < n && (/[\p{L}\p{N}_]/u.test(text[i]) || text.charCodeAt(i) >= 128);
  const digits = (ok: (c: string) => boolean, kind: string): boolean => {
    // digits with single underscores between them
    if (pos >= n || !ok(text[pos])) return false;
    while (pos < n) {
      if (ok(text[pos])) { pos++; continue; }
      if (text[pos] === '_') {
        if (pos + 1 < n && ok(text[pos + 1])) { pos++; continue; }
        error(`invalid ${kind} literal`, pos, pos);
        pos++;
        while (isId(pos)) pos++;
        return true;
      }
      break;
    }
    return true;
  };
  const dec = (c: string) => c >= '0' && c <= '9';
  if (text[pos] === '0' && /[xXoObB]/.test(text[pos + 1] ?? '')) {
    const base = text[pos + 1].toLowerCase();
    const kind = base === 'x' ? 'hexadecimal' : base === 'o' ? 'octal' : 'binary';
    const ok = base === 'x' ? (c: string) => /[0-9a-fA-F]/.test(c) : base === 'o' ? (c: string) => /[0-7]/.test(c) : (c: string) => c === '0' || c === '1';
    pos += 2;
    if (text[pos] === '_') pos++;
    if (!digits(ok, kind)) {
      error(`invalid ${kind} literal`, pos - 1, pos - 1);
      while (isId(pos)) pos++;
      return pos;
    }
    if (isId(pos)) {
      if (base !== 'x' && dec(text[pos])) error(`invalid digit '${text[pos]}' in ${kind} literal`, pos, pos);
      else error(`invalid ${kind} literal`, pos - 1, pos - 1);
      while (isId(pos)) pos++;
    }
    return pos;
  }
  let isFloat = false;
  const intStart = pos;
  if (text[pos] !== '.') digits(dec, 'decimal');
  const intPart = text.slice(intStart, pos);
  if (text[pos] === '.') {
    isFloat = true;
    pos++;
    if (dec(text[pos] ?? '')) digits(dec, 'decimal');
  }
  if (/[eE]/.test(text[pos] ?? '')) {
    const save = pos;
    pos++;
    if (text[pos] === '+' || text[pos] === '-') pos++;
    if (!digits(dec, 'decimal')) {
      pos = save;
      error('invalid decimal literal', start, start);
      while (isId(pos)) pos++;
      return pos;
    }
    isFloat = true;
  }
  if (text[pos] === 'j' || text[pos] === 'J') pos++;
  if (isId(pos)) {
    error('invalid decimal literal', start, start);
    while (isId(pos)) pos++;
    return pos;
  }
  if (!isFloat && /^0[0-9_]*[1-9]/.test(intPart)) {
    error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start, pos);
  }
  return pos;
}
