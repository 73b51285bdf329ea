// Deterministic random numbers for torch.rand / randn / randint / manual_seed.
// poolnb does NOT reproduce PyTorch's Mersenne-Twister stream: the same seed gives the
// same numbers in every poolnb run, but not the numbers PyTorch prints. The generator
// is xoshiro128** (small, fast, good statistical quality), seeded through splitmix32.

/** PyTorch's default seed, used until manual_seed is called. */
export const DEFAULT_SEED = 67280421310721;

export class Generator {
  private s = new Uint32Array(4);
  private spareNormal: number | undefined;
  private seedValue = DEFAULT_SEED;

  constructor(seed: number = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /** torch.manual_seed(seed): restarts the stream. Accepts any integer (negative too). */
  manualSeed(seed: number): this {
    this.seedValue = seed;
    // Split the (up to 64-bit) seed into two 32-bit halves and mix them with splitmix32.
    let x = (seed % 4294967296) >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    x ^= Math.imul(hi, 0x9e3779b9);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
    this.spareNormal = undefined;
    return this;
  }

  initialSeed(): number { return this.seedValue; }

  /** The next 32 random bits (xoshiro128**). */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1) with 24 random bits, so it is exact in float32 and never rounds up to 1. */
  uniform24(): number {
    return (this.nextUint32() >>> 8) / 16777216;
  }

  /** Uniform in [0, 1) with 53 random bits (float64). */
  uniform53(): number {
    const hi = this.nextUint32() >>> 5, lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal;
      this.spareNormal = undefined;
      return v;
    }
    let u1 = this.uniform53();
    while (u1 === 0) u1 = this.uniform53();
    const u2 = this.uniform53();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spareNormal = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [low, high) (high - low <= 2^53), without modulo bias. */
  integer(low: number, high: number): number {
    const range = high - low;
    if (range <= 4294967296) {
      const limit = Math.floor(4294967296 / range) * range;
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return low + (x % range);
    }
    return low + Math.floor(this.uniform53() * range);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The process-wide default generator (an interpreter session may create its own). */
export const defaultGenerator = new Generator();

export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}
