// Which syntax error Python 3.11 reports first. Python's tokenizer errors win over the
// parser's (CPython re-tokenizes the rest of the source after a parser error and
// prefers any tokenizer error it finds), except "unexpected indent"; an unclosed
// bracket wins when the parser failed after it (it ran into the end of the text);
// compile-time errors ('return' outside function ...) appear only for a clean parse.

import type { SyntaxErrorInfo } from './nodes';
import type { ScanResult } from './scanner';
import type { Token } from './tokens';

export interface RankedError extends SyntaxErrorInfo {
  /** the token the parser was looking at when it failed */
  tokenIndex: number;
  /** Python's plain "invalid syntax" (a tokenizer error found later replaces it) */
  generic: boolean;
}

export function pickPrimaryError(
  text: string, scan: ScanResult, parserErrors: RankedError[], semantic: SyntaxErrorInfo[],
): SyntaxErrorInfo[] {
  void text;
  const scanErrors = [...scan.errors].sort((a, b) => a.range.start - b.range.start);
  const p = parserErrors[0];
  const unclosed = scan.unclosed[scan.unclosed.length - 1];
  const unclosedError: SyntaxErrorInfo | undefined = unclosed && {
    type: 'SyntaxError', message: `'${unclosed.char}' was never closed`,
    range: { start: unclosed.start, end: unclosed.start + 1 },
  };
  let primary: SyntaxErrorInfo | undefined;
  if (p) {
    const failTok = scan.tokens[Math.min(p.tokenIndex, scan.tokens.length - 1)];
    const s = scanErrors[0];
    if (s && s.range.start <= failTok.end) primary = s;
    else if (p.type === 'IndentationError' && p.message === 'unexpected indent') primary = p;
    else if (unclosedError && failTok.start >= unclosed.start && (runsToEnd(failTok) || failTok.line > unclosed.line)) primary = unclosedError;
    else if (s) primary = s;
    else primary = p;
  } else {
    primary = scanErrors[0] ?? unclosedError ?? semantic[0];
  }
  if (!primary) return [];
  const rest: SyntaxErrorInfo[] = [...scanErrors, ...parserErrors, ...(unclosedError ? [unclosedError] : [])]
    .filter((e) => e !== primary)
    .map((e) => ({ type: e.type, message: e.message, range: e.range }))
    .sort((a, b) => a.range.start - b.range.start);
  return [{ type: primary.type, message: primary.message, range: primary.range }, ...rest];
}

/** The parser, failing at this token, would have looked on to the end of the text:
 * it is the start of another expression (Python then tries "forgot a comma?") or the end. */
function runsToEnd(t: Token): boolean {
  return t.kind === 'NAME' || t.kind === 'NUMBER' || t.kind === 'STRING' || t.kind === 'NEWLINE' || t.kind === 'EOF'
    || (t.kind === 'OP' && (t.value === '(' || t.value === '[' || t.value === '{'));
}
