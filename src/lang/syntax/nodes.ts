// The PoolScript AST: a Python-shaped tree in which every node carries `start`/`end`
// offsets into its cell's text (end exclusive). Where the user has not finished
// typing, the parser puts a `Missing` node that says what it expected, so a
// half-typed cell still yields a full tree for hover and completion.
// This file is a contract with the interpreter (src/lang/interp): change it only
// additively.

export interface Span { start: number; end: number }

interface NodeBase extends Span { kind: string }

/** An identifier with its own range (function names, attribute names, keyword names, aliases). */
export interface Ident extends NodeBase { kind: 'Ident'; name: string }

// ---------------------------------------------------------------- expressions

/** Placeholder where an expression (or name) was expected but not written. */
export interface Missing extends NodeBase { kind: 'Missing'; expected: string[] }

export interface Name extends NodeBase { kind: 'Name'; id: string }

/** int or float literal. `isInt` distinguishes `2` from `2.0` (Python int vs float). */
export interface Num extends NodeBase { kind: 'Num'; value: number; isInt: boolean; raw: string }

/** A string literal (adjacent plain literals are concatenated into one node). */
export interface Str extends NodeBase { kind: 'Str'; value: string; isBytes: boolean }

/** An f-string (possibly concatenated with plain literals): literal text and formatted parts in order. */
export interface FString extends NodeBase { kind: 'FString'; parts: (FStringText | FormattedValue)[] }
export interface FStringText extends NodeBase { kind: 'FStringText'; value: string }
export interface FormattedValue extends NodeBase {
  kind: 'FormattedValue';
  value: Expr;
  /** `!r`, `!s`, `!a` */
  conversion?: 'r' | 's' | 'a';
  /** the spec after `:`, itself an f-string (it may contain `{...}`) */
  formatSpec?: FString;
  /** for `{x=}`: the text `x=` that Python prints before the value */
  debugText?: string;
}

/** True / False / None */
export interface Constant extends NodeBase { kind: 'Constant'; value: boolean | null }
export interface EllipsisLit extends NodeBase { kind: 'Ellipsis' }

export interface ListExpr extends NodeBase { kind: 'List'; elts: Expr[] }
export interface TupleExpr extends NodeBase { kind: 'Tuple'; elts: Expr[]; parenthesized: boolean }
export interface SetExpr extends NodeBase { kind: 'Set'; elts: Expr[] }
/** `{k: v, **other}`: a `null` key marks a `**` entry. */
export interface DictExpr extends NodeBase { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }

export interface Attribute extends NodeBase { kind: 'Attribute'; value: Expr; attr: Ident | Missing }

/** `value[index]`; several indices form a Tuple (`x[:, 1:3]` -> Tuple[Slice, Slice]). */
export interface Subscript extends NodeBase { kind: 'Subscript'; value: Expr; index: Expr }
export interface Slice extends NodeBase { kind: 'Slice'; lower?: Expr; upper?: Expr; step?: Expr }

/** One call argument: positional, `name=value`, `*value` or `**value`. */
export interface Arg extends NodeBase { kind: 'Arg'; name?: Ident; value: Expr; star?: '*' | '**' }
export interface Call extends NodeBase {
  kind: 'Call';
  func: Expr;
  args: Arg[];
  /** offset of `(`; `closed` is false while the user is still typing the arguments */
  lparen: number;
  closed: boolean;
}

export type UnaryOperator = '-' | '+' | '~' | 'not';
export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '&' | '|' | '^';
export type CompareOperator = '<' | '>' | '<=' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';

export interface UnaryOp extends NodeBase { kind: 'UnaryOp'; op: UnaryOperator; operand: Expr }
export interface BinOp extends NodeBase { kind: 'BinOp'; op: BinaryOperator; left: Expr; right: Expr; opStart: number }
export interface BoolOp extends NodeBase { kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
/** `a < b <= c`: ops.length === comparators.length */
export interface Compare extends NodeBase { kind: 'Compare'; left: Expr; ops: CompareOperator[]; comparators: Expr[] }
/** `body if test else orelse` */
export interface IfExp extends NodeBase { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
export interface Lambda extends NodeBase { kind: 'Lambda'; params: Param[]; body: Expr }
/** `*x` in a target list, a list display or a call (calls use Arg.star instead). */
export interface Starred extends NodeBase { kind: 'Starred'; value: Expr }
/** `x := v` (parsed so it can be refused) */
export interface NamedExpr extends NodeBase { kind: 'NamedExpr'; target: Name; value: Expr }

export interface Comprehension extends NodeBase { kind: 'Comprehension'; target: Expr; iter: Expr; ifs: Expr[] }
export interface ListComp extends NodeBase { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends NodeBase { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface GeneratorExp extends NodeBase { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends NodeBase { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
/** `yield` / `await`: parsed only so they can be refused */
export interface YieldExpr extends NodeBase { kind: 'Yield'; value?: Expr }

export type Expr =
  | Missing | Name | Num | Str | FString | Constant | EllipsisLit
  | ListExpr | TupleExpr | SetExpr | DictExpr
  | Attribute | Subscript | Slice | Call
  | UnaryOp | BinOp | BoolOp | Compare | IfExp | Lambda | Starred | NamedExpr
  | ListComp | SetComp | GeneratorExp | DictComp | YieldExpr;

// ---------------------------------------------------------------- statements

/** A function parameter: `x`, `x=1`, `*args`, `**kw`. */
export interface Param extends NodeBase {
  kind: 'Param'; name: Ident; default?: Expr; star?: '*' | '**'; annotation?: Expr;
  /** after `*` or `*args`: can only be passed by keyword */
  kwOnly?: boolean;
  /** before `/`: can only be passed by position */
  posOnly?: boolean;
}

export interface ExprStmt extends NodeBase { kind: 'ExprStmt'; value: Expr }
/** `a = b = value`: targets in source order (Name, Tuple, List, Attribute, Subscript, Starred) */
export interface Assign extends NodeBase { kind: 'Assign'; targets: Expr[]; value: Expr }
export interface AugAssign extends NodeBase { kind: 'AugAssign'; target: Expr; op: BinaryOperator; value: Expr }
/** `x: int = 3` */
export interface AnnAssign extends NodeBase { kind: 'AnnAssign'; target: Expr; annotation: Expr; value?: Expr }
export interface For extends NodeBase { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface While extends NodeBase { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
/** `elif` is an If nested alone in `orelse`, marked `isElif` */
export interface If extends NodeBase { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[]; isElif: boolean }
export interface FunctionDef extends NodeBase {
  kind: 'FunctionDef'; name: Ident; params: Param[]; body: Stmt[]; decorators: Expr[]; returns?: Expr;
}
export interface ClassDef extends NodeBase { kind: 'ClassDef'; name: Ident; bases: Arg[]; body: Stmt[]; decorators: Expr[] }
export interface Return extends NodeBase { kind: 'Return'; value?: Expr }
export interface Pass extends NodeBase { kind: 'Pass' }
export interface Break extends NodeBase { kind: 'Break' }
export interface Continue extends NodeBase { kind: 'Continue' }
/** `import a.b as c`: name is the dotted path as written */
export interface Alias extends NodeBase { kind: 'Alias'; name: string; nameSpan: Span; asname?: Ident }
export interface Import extends NodeBase { kind: 'Import'; names: Alias[] }
/** `from ..a.b import c as d, e` (level = number of leading dots; `*` is an Alias named '*') */
export interface ImportFrom extends NodeBase { kind: 'ImportFrom'; module: string; moduleSpan: Span; level: number; names: Alias[] }
export interface Assert extends NodeBase { kind: 'Assert'; test: Expr; msg?: Expr }
export interface Delete extends NodeBase { kind: 'Delete'; targets: Expr[] }
export interface Global extends NodeBase { kind: 'Global'; names: Ident[]; isNonlocal: boolean }
export interface Raise extends NodeBase { kind: 'Raise'; exc?: Expr; cause?: Expr }
/** `with`, `try`, `async ...`: parsed only so the checker can refuse them with a range */
export interface With extends NodeBase {
  kind: 'With'; items: Expr[]; body: Stmt[];
  /** the `as` target of each item (null when there is none) */
  vars?: (Expr | null)[];
}
export interface Try extends NodeBase { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
export interface ExceptHandler extends NodeBase { kind: 'ExceptHandler'; type?: Expr; name?: Ident; body: Stmt[] }
/** A statement the parser could not make sense of (a syntax error was reported for it). */
export interface BadStmt extends NodeBase { kind: 'BadStmt' }

export type Stmt =
  | ExprStmt | Assign | AugAssign | AnnAssign | For | While | If | FunctionDef | ClassDef
  | Return | Pass | Break | Continue | Import | ImportFrom | Assert | Delete | Global | Raise
  | With | Try | BadStmt;

export interface Module extends NodeBase { kind: 'Module'; body: Stmt[] }

export type Node = Module | Stmt | Expr | Ident | Param | Arg | Alias | Comprehension | ExceptHandler | FStringText | FormattedValue;

// ---------------------------------------------------------------- errors

/** A syntax error as Python 3.11 would report it (first one is the one Python shows). */
export interface SyntaxErrorInfo {
  type: 'SyntaxError' | 'IndentationError' | 'TabError';
  message: string;
  range: Span;
}

export interface ParseResult {
  module: Module;
  errors: SyntaxErrorInfo[];
}
