/**
 * Ziggurat tables for standard normal deviates (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", 2000; 128 layers): pure numbers, computed once.
 */
const ZIG_KN = new Float64Array(128);
const ZIG_WN = new Float64Array(128);
const ZIG_FN = new Float64Array(128);
const ZIG_R = 3.442619855899;
{
  const m1 = 2147483648;
  const vn = 9.91256303526217e-3;
  let dn = ZIG_R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  ZIG_KN[0] = (dn / q) * m1;
  ZIG_KN[1] = 0;
  ZIG_WN[0] = q / m1;
  ZIG_WN[127] = dn / m1;
  ZIG_FN[0] = 1;
  ZIG_FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_KN[i + 1] = (dn / tn) * m1;
    tn = dn;
    ZIG_FN[i] = Math.exp(-0.5 * dn * dn);
    ZIG_WN[i] = dn / m1;
  }
}

const TWO_POW_32_INV = 1 / 4294967296;

/**
 * The seeded stream behind the simulation: the same mulberry32 generator as `seededRandom`
 * (random.ts), with the same seed handling and the same sequence, held in a field so that the
 * hot loop inlines it. On top of it: normal deviates by the ziggurat, Gamma(shape ≥ 1) by
 * Marsaglia and Tsang (2000), and Beta as X/(X + Y) of two Gamma draws.
 */
export class SampleStream {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0 || 0x9e3779b9;
  }

  /** 32 random bits as a signed integer. */
  int32(): number {
    const a = (this.a = (this.a + 0x6d2b79f5) | 0);
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }

  /** Uniform in [0, 1): draw for draw the same as `seededRandom(seed).next()`. */
  uniform(): number {
    return (this.int32() >>> 0) * TWO_POW_32_INV;
  }

  /** Standard normal deviate (ziggurat; the rare wedge and tail cases in `normalSlow`). */
  normal(): number {
    const hz = this.int32();
    const iz = hz & 127;
    return Math.abs(hz) < ZIG_KN[iz]! ? hz * ZIG_WN[iz]! : this.normalSlow(hz, iz);
  }

  private normalSlow(hz: number, iz: number): number {
    for (;;) {
      let x = hz * ZIG_WN[iz]!;
      if (iz === 0) {
        let y: number;
        do {
          x = -Math.log(1 - this.uniform()) / ZIG_R;
          y = -Math.log(1 - this.uniform());
        } while (y + y < x * x);
        return hz > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      if (ZIG_FN[iz]! + this.uniform() * (ZIG_FN[iz - 1]! - ZIG_FN[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = this.int32();
      iz = hz & 127;
      if (Math.abs(hz) < ZIG_KN[iz]!) return hz * ZIG_WN[iz]!;
    }
  }

  /**
   * Fills out[at … at + count) with base + scale · (lo + range · X/(X + Y)), X ~ Gamma(α),
   * Y ~ Gamma(β) given d and c of each (Marsaglia–Tsang). The same draws, in the same order, as
   * calling `gamma(dA, cA)` then `gamma(dB, cB)` per value; written out with the generator state
   * in a local variable because this loop is where the simulation spends most of its time.
   */
  fillPert(out: Float64Array, at: number, count: number, base: number, scale: number, lo: number, range: number, dA: number, cA: number, dB: number, cB: number): void {
    let a = this.a;
    for (let s = 0; s < count; s++) {
      let x = 0;
      let y = 0;
      for (let k = 0; k < 2; k++) {
        const d = k === 0 ? dA : dB;
        const c = k === 0 ? cA : cB;
        let g: number;
        for (;;) {
          let z: number;
          let v: number;
          do {
            a = (a + 0x6d2b79f5) | 0;
            let t = Math.imul(a ^ (a >>> 15), a | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            const hz = t ^ (t >>> 14);
            const iz = hz & 127;
            if (Math.abs(hz) < ZIG_KN[iz]!) z = hz * ZIG_WN[iz]!;
            else {
              this.a = a;
              z = this.normalSlow(hz, iz);
              a = this.a;
            }
            v = 1 + c * z;
          } while (v <= 0);
          v = v * v * v;
          a = (a + 0x6d2b79f5) | 0;
          let t = Math.imul(a ^ (a >>> 15), a | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          const u = ((t ^ (t >>> 14)) >>> 0) * TWO_POW_32_INV;
          const z2 = z * z;
          if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
            g = d * v;
            break;
          }
        }
        if (k === 0) x = g;
        else y = g;
      }
      out[at + s] = base + scale * (lo + (range * x) / (x + y));
    }
    this.a = a;
  }

  /** Gamma(shape, 1) for shape ≥ 1, given d = shape − 1/3 and c = 1/√(9d) (Marsaglia–Tsang). */
  gamma(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Gamma(shape, 1) for any shape > 0 (below 1: Gamma(shape + 1) · U^(1/shape)). */
  gammaOf(shape: number): number {
    if (shape >= 1) {
      const d = shape - 1 / 3;
      return this.gamma(d, 1 / Math.sqrt(9 * d));
    }
    const d = shape + 2 / 3;
    return this.gamma(d, 1 / Math.sqrt(9 * d)) * Math.pow(1 - this.uniform(), 1 / shape);
  }

  /** Beta(α, β) as X/(X + Y), X ~ Gamma(α), Y ~ Gamma(β). */
  beta(alpha: number, beta: number): number {
    const x = this.gammaOf(alpha);
    const y = this.gammaOf(beta);
    return x / (x + y);
  }
}
