// Token kinds produced by the scanner, as Python's tokenizer names them.

export type TokenKind =
  | 'NAME' | 'NUMBER' | 'STRING' | 'OP'
  | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'EOF'
  /** a character or literal the scanner could not read; a scanner error was recorded for it */
  | 'ERROR';

export interface Token {
  kind: TokenKind;
  /** the source text of the token (for INDENT/DEDENT/NEWLINE/EOF: '') */
  value: string;
  start: number;
  end: number;
  /** 1-based line of `start` */
  line: number;
  /** bracket nesting depth before this token */
  level: number;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
  'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
  'with', 'yield',
]);

/** Operators, longest first so that the scanner can match greedily. */
export const OPERATORS: readonly string[] = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=',
  '+=', '-=', '*=', '/=', '%=', '@=', '&=', '|=', '^=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}',
  ',', ':', '.', ';', '=',
];
