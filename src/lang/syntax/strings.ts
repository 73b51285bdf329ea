// String literal decoding: prefixes, escape sequences, and splitting an f-string into
// literal text and `{expression!conv:spec}` fields, keeping source offsets so that the
// expressions inside an f-string get real ranges (hover works inside f"{y.shape}").

export interface StringLiteral {
  prefix: string;          // lower-cased: '', 'r', 'b', 'f', 'rb', 'fr', 'u'
  raw: boolean;
  bytes: boolean;
  fstring: boolean;
  /** offsets of the text between the quotes */
  bodyStart: number;
  bodyEnd: number;
  body: string;
}

export function splitLiteral(tokenText: string, tokenStart: number): StringLiteral {
  let i = 0;
  while (i < tokenText.length && tokenText[i] !== '"' && tokenText[i] !== "'") i++;
  const prefix = tokenText.slice(0, i).toLowerCase();
  const q = tokenText[i] ?? '"';
  const triple = tokenText.startsWith(q + q + q, i);
  const ql = triple ? 3 : 1;
  const closed = tokenText.length >= i + 2 * ql && tokenText.endsWith(triple ? q + q + q : q);
  const bodyStartRel = i + ql;
  const bodyEndRel = closed ? tokenText.length - ql : tokenText.length;
  return {
    prefix,
    raw: prefix.includes('r'),
    bytes: prefix.includes('b'),
    fstring: prefix.includes('f'),
    bodyStart: tokenStart + bodyStartRel,
    bodyEnd: tokenStart + Math.max(bodyStartRel, bodyEndRel),
    body: tokenText.slice(bodyStartRel, Math.max(bodyStartRel, bodyEndRel)),
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Decodes escape sequences as Python does (unknown escapes keep their backslash). */
export function decodeEscapes(body: string, raw: boolean, bytes: boolean): { value: string; error?: string } {
  if (raw) return { value: body };
  let out = '';
  let error: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) { out += c; continue; }
    const e = body[++i];
    if (e === '\n') continue;
    if (e === '\r') { if (body[i + 1] === '\n') i++; continue; }
    if (e in SIMPLE_ESCAPES) { out += SIMPLE_ESCAPES[e]; continue; }
    if (e >= '0' && e <= '7') {
      let j = i, v = 0;
      while (j < body.length && j < i + 3 && body[j] >= '0' && body[j] <= '7') v = v * 8 + (body.charCodeAt(j++) - 48);
      out += String.fromCharCode(v);
      i = j - 1;
      continue;
    }
    const hex = (len: number, name: string): boolean => {
      const h = body.slice(i + 1, i + 1 + len);
      if (h.length !== len || !/^[0-9a-fA-F]+$/.test(h)) {
        error ??= `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + h.replace(/[^0-9a-fA-F].*$/, '').length}: truncated ${name} escape`;
        out += '\\' + e;
        return false;
      }
      out += String.fromCodePoint(parseInt(h, 16));
      i += len;
      return true;
    };
    if (e === 'x') { hex(2, '\\xXX'); continue; }
    if (!bytes && e === 'u') { hex(4, '\\uXXXX'); continue; }
    if (!bytes && e === 'U') { hex(8, '\\UXXXXXXXX'); continue; }
    out += '\\' + e;
  }
  return { value: out, error };
}

/** One piece of an f-string body. Offsets are absolute (into the cell text). */
export type FStringPiece =
  | { kind: 'text'; value: string; start: number; end: number }
  | {
    kind: 'field';
    /** the expression source and where it starts */
    expr: string; exprStart: number;
    conversion?: string;
    /** raw spec text (may itself contain fields) and where it starts */
    spec?: string; specStart?: number;
    debugText?: string;
    start: number; end: number;
  };

export interface FStringSplit { pieces: FStringPiece[]; error?: { message: string; at: number } }

/**
 * Splits an f-string body into text and fields. `{{`/`}}` are literal braces; a field's
 * expression ends at a top-level `!`, `:`, `=` (debug) or `}`, tracking nested brackets
 * and strings, as Python 3.11's fstring_find_expr does.
 */
export function splitFString(body: string, base: number, raw: boolean, bytes = false): FStringSplit {
  const pieces: FStringPiece[] = [];
  let text = '';
  let textStart = base;
  let i = 0;
  const flushText = (endRel: number) => {
    if (text) pieces.push({ kind: 'text', value: decodeEscapes(text, raw, bytes).value, start: textStart, end: base + endRel });
    text = '';
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '{' && body[i + 1] === '{') { text += '{'; i += 2; continue; }
    if (c === '}' && body[i + 1] === '}') { text += '}'; i += 2; continue; }
    if (c === '}') return { pieces, error: { message: "f-string: single '}' is not allowed", at: base + i } };
    if (c !== '{') {
      if (!text) textStart = base + i;
      if (c === '\\' && !raw && i + 1 < body.length) { text += c + body[i + 1]; i += 2; continue; }
      text += c; i++;
      continue;
    }
    flushText(i);
    const fieldStart = i;
    i++;
    const exprStartRel = i;
    let depth = 0;
    let quote: string | null = null;
    let exprEndRel = -1;
    for (; i < body.length; i++) {
      const d = body[i];
      if (quote) {
        if (body.startsWith(quote, i)) { i += quote.length - 1; quote = null; }
        continue;
      }
      if (d === '"' || d === "'") {
        quote = body.startsWith(d + d + d, i) ? d + d + d : d;
        i += quote.length - 1;
        continue;
      }
      if (d === '\\') return { pieces, error: { message: 'f-string expression part cannot include a backslash', at: base + i } };
      if (d === '#') return { pieces, error: { message: "f-string expression part cannot include '#'", at: base + i } };
      if (d === '(' || d === '[' || d === '{') { depth++; continue; }
      if (d === ')' || d === ']' || d === '}') {
        if (depth === 0) { exprEndRel = i; break; }
        depth--;
        continue;
      }
      if (depth > 0) continue;
      if (d === '!' && body[i + 1] !== '=') { exprEndRel = i; break; }
      if (d === ':') { exprEndRel = i; break; }
      if (d === '=' && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1] ?? '')) { exprEndRel = i; break; }
    }
    if (quote) return { pieces, error: { message: 'f-string: unterminated string', at: base + body.length } };
    if (exprEndRel < 0) return { pieces, error: { message: "f-string: expecting '}'", at: base + body.length } };
    const expr = body.slice(exprStartRel, exprEndRel);
    if (expr.trim() === '') return { pieces, error: { message: 'f-string: empty expression not allowed', at: base + exprEndRel } };
    const field: Extract<FStringPiece, { kind: 'field' }> = { kind: 'field', expr, exprStart: base + exprStartRel, start: base + fieldStart, end: 0 };
    if (body[i] === '=') {
      field.debugText = expr + '=';
      i++;
      // whitespace after '=' belongs to the debug text too
      while (body[i] === ' ') { field.debugText += ' '; i++; }
    }
    if (body[i] === '!') {
      const conv = body[i + 1];
      if (conv === undefined || !'sra'.includes(conv) || (body[i + 2] !== ':' && body[i + 2] !== '}')) {
        return { pieces, error: { message: "f-string: invalid conversion character: expected 's', 'r', or 'a'", at: base + Math.min(i + 2, body.length) } };
      }
      field.conversion = conv;
      i += 2;
    }
    if (body[i] === ':') {
      i++;
      const specStartRel = i;
      let d = 0;
      for (; i < body.length; i++) {
        if (body[i] === '{') d++;
        else if (body[i] === '}') { if (d === 0) break; d--; }
      }
      field.spec = body.slice(specStartRel, i);
      field.specStart = base + specStartRel;
    }
    if (body[i] !== '}') return { pieces, error: { message: "f-string: expecting '}'", at: base + Math.min(i, body.length) } };
    i++;
    field.end = base + i;
    pieces.push(field);
    textStart = base + i;
  }
  flushText(i);
  return { pieces };
}
