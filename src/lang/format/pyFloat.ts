// Python's float-to-text conversion (CPython's PyOS_double_to_string / format_float_short),
// ported so that every float PoolScript prints is the text Python would print.
// JS toFixed/toExponential round exact ties upwards while Python rounds them to even
// ('{:.2f}'.format(0.125) == '0.12'), so fixed and exponent digits come from the exact
// decimal expansion of the double (BigInt), and only the shortest round-trip digits
// ('r' mode) come from JS, whose Number-to-string is also shortest-and-closest.

import { TorchError } from '../../engine/errors';

/** Digits (no leading/trailing zeros, or "0") and the decimal point position: value = 0.DIGITS × 10^decpt. */
interface Digits { digits: string; decpt: number }

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const pow5Cache: bigint[] = [1n];
const pow10Cache: bigint[] = [1n];

function pow5(k: number): bigint {
  while (pow5Cache.length <= k) pow5Cache.push(pow5Cache[pow5Cache.length - 1] * 5n);
  return pow5Cache[k];
}

function pow10(k: number): bigint {
  while (pow10Cache.length <= k) pow10Cache.push(pow10Cache[pow10Cache.length - 1] * 10n);
  return pow10Cache[k];
}

/** |x| exactly as N / 10^scale, for finite x. */
function exactDecimal(x: number): { n: bigint; scale: number } {
  f64[0] = x;
  const lo = u32[0];
  const hi = u32[1];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else { mant |= 1n << 52n; e2 = bexp - 1075; }
  if (mant === 0n) return { n: 0n, scale: 0 };
  if (e2 >= 0) return { n: mant << BigInt(e2), scale: 0 };
  return { n: mant * pow5(-e2), scale: -e2 };
}

/** n / 10^drop rounded half to even. */
function roundDrop(n: bigint, drop: number): bigint {
  if (drop <= 0) return n * pow10(-drop);
  const d = pow10(drop);
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/** Digits and point position of a plain decimal string such as "0.0120" or "12.5". */
function parsePlain(s: string): Digits {
  const dot = s.indexOf('.');
  const intLen = dot < 0 ? s.length : dot;
  const all = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  let z = 0;
  while (z < all.length && all.charCodeAt(z) === 48) z++;
  if (z === all.length) return { digits: '0', decpt: 1 };
  return { digits: stripZeros(all.slice(z)), decpt: intLen - z };
}

// JS rounds exact ties up where Python rounds them to even; a tie at N digits needs the
// exact value to end with a 5 in digit N+1, which the N+1-digit JS string (exact in that
// case) would show. Otherwise the JS result is the correctly rounded one, and faster.
const lastDigitIs5 = (s: string) => s.charCodeAt(s.length - 1) === 53;

let fastPath = true;
/** Tests switch the JS fast path off to compare it with the exact BigInt path. */
export function setFloatFastPath(on: boolean): void {
  fastPath = on;
}

/** dtoa mode 3: rounded to `ndigits` places after the point. */
function fixedDigits(x: number, ndigits: number): Digits {
  if (fastPath && x < 1e21 && ndigits < 100 && !lastDigitIs5(x.toFixed(ndigits + 1))) return parsePlain(x.toFixed(ndigits));
  const { n, scale } = exactDecimal(x);
  if (ndigits >= scale) {
    // every digit of the exact expansion fits: no rounding, and no huge power of ten to print
    if (n === 0n) return { digits: '0', decpt: 1 };
    const e = n.toString();
    return { digits: stripZeros(e), decpt: e.length - scale };
  }
  const q = roundDrop(n, scale - ndigits);
  if (q === 0n) return { digits: '0', decpt: 1 };
  const s = q.toString();
  return { digits: stripZeros(s), decpt: s.length - ndigits };
}

/** dtoa mode 2: `ndigits` significant digits. */
function sigDigits(x: number, ndigits: number): Digits {
  if (fastPath && x !== 0 && ndigits < 100) {
    const probe = x.toExponential(ndigits);
    if (!lastDigitIs5(probe.slice(0, probe.indexOf('e')))) {
      const t = x.toExponential(ndigits - 1);
      const e = t.indexOf('e');
      return { digits: stripZeros(t.slice(0, e).replace('.', '')), decpt: parseInt(t.slice(e + 1), 10) + 1 };
    }
  }
  const { n, scale } = exactDecimal(x);
  if (n === 0n) return { digits: '0', decpt: 1 };
  const len = n.toString().length;
  if (ndigits >= len) return { digits: stripZeros(n.toString()), decpt: len - scale }; // exact, as in fixedDigits
  let q = roundDrop(n, len - ndigits);
  let decpt = len - scale;
  let s = q.toString();
  if (s.length > ndigits) { q /= 10n; s = q.toString(); decpt += 1; }
  return { digits: stripZeros(s), decpt };
}

/** dtoa mode 0: the shortest digits that round-trip. */
function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const t = Math.abs(x).toExponential();
  const e = t.indexOf('e');
  const mant = t.slice(0, e).replace('.', '');
  return { digits: stripZeros(mant), decpt: parseInt(t.slice(e + 1), 10) + 1 };
}

export type FloatCode = 'e' | 'f' | 'g' | 'r';

export interface FloatFormatFlags {
  /** Py_DTSF_ADD_DOT_0: integers get '.0' (repr, and format type '' with a precision) */
  addDot0?: boolean;
  /** '#' alternate form */
  alt?: boolean;
  /** always add '+' for non-negative values */
  sign?: boolean;
  upper?: boolean;
}

/**
 * PyOS_double_to_string: `code` 'e' | 'f' | 'g' | 'r' with `precision`
 * (ignored for 'r'), as CPython lays out the digits.
 */
export function pyFormatDouble(x: number, code: FloatCode, precision: number, flags: FloatFormatFlags = {}): string {
  if (code !== 'r') checkPrecision(precision);
  const negative = x < 0 || Object.is(x, -0);
  const signStr = negative ? '-' : flags.sign ? '+' : '';
  if (!Number.isFinite(x)) {
    const s = Number.isNaN(x) ? 'nan' : 'inf';
    const body = flags.upper ? s.toUpperCase() : s;
    // CPython prints nan without a sign (its sign bit is not inspected); +nan with '+'
    if (Number.isNaN(x)) return (flags.sign ? '+' : '') + body;
    return signStr + body;
  }
  const ax = Math.abs(x);
  let d: Digits;
  if (code === 'f') d = fixedDigits(ax, precision);
  else if (code === 'e') d = sigDigits(ax, precision + 1);
  else if (code === 'g') d = sigDigits(ax, precision === 0 ? 1 : precision);
  else d = shortestDigits(ax);
  if (code === 'g' && precision === 0) precision = 1;

  const digits = d.digits;
  let decpt = d.decpt;
  const digitsLen = digits.length;
  let useExp = false;
  let vEnd = digitsLen;
  const addDot0 = !!flags.addDot0;
  switch (code) {
    case 'e': useExp = true; vEnd = precision + 1; break;
    case 'f': vEnd = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (flags.alt) vEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) { exp = decpt - 1; decpt = 1; }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = signStr;
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vStart);
  if (decpt > 0 && decpt <= digitsLen) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (digitsLen < decpt) out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(vEnd - digitsLen);
  if (out.endsWith('.') && !flags.alt) out = out.slice(0, -1);
  if (useExp) {
    const ae = Math.abs(exp);
    out += (flags.upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  }
  return out;
}

/** repr(float) / str(float) in Python 3: shortest round-trip, `1e-05`, `1e+16`, `2.0`. */
export function floatRepr(x: number): string {
  return pyFormatDouble(x, 'r', 0, { addDot0: true });
}

/** '{:.Nf}'.format(x) */
export function toFixedPy(x: number, precision: number): string {
  return pyFormatDouble(x, 'f', precision);
}

/** '{:.Ne}'.format(x) */
export function toExponentialPy(x: number, precision: number): string {
  return pyFormatDouble(x, 'e', precision);
}

/** Precisions Python refuses, and those whose digits would not fit the host's memory. */
const MAX_DIGITS = 10_000;
function checkPrecision(precision: number): void {
  // CPython's format_float_internal (checked before it looks at the value, so nan and inf too)
  if (precision > 2 ** 31 - 1) throw new TorchError('ValueError', 'precision too big');
  // CPython would build the string (gigabytes for a tensor); a double has at most 767 significant
  // digits, so poolnb refuses precisions past 10,000 rather than let the host's heap run out
  if (precision > MAX_DIGITS) {
    throw new TorchError('MemoryError', `poolnb: a float formatted with precision ${precision} would be too long (at most ${MAX_DIGITS} digits)`);
  }
}
