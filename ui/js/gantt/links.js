// @ts-check
// Dependency arrows routed orthogonally between bar ends: finish-to-start leaves the
// predecessor's finish and enters the successor's start; SS, FF and SF anchor at the ends their
// letters name. An arrow that would run backwards goes round through the gap between rows.

const GAP = 8;

/** Dash pattern per dependency type: FS solid, the others each their own. */
export const DASH = /** @type {const} */ ({ FS: null, SS: '6 3', FF: '2 2', SF: '8 3 2 3' });

/**
 * The path of an arrow from (fx, fy) to (tx, ty): `out` +1 when it leaves a finish (rightwards),
 * −1 a start; `into` +1 when it enters a start (moving right), −1 a finish.
 * @param {{ fx: number; fy: number; tx: number; ty: number; out: 1 | -1; into: 1 | -1; rowH: number }} a
 */
export function routeLink({ fx, fy, tx, ty, out, into, rowH }) {
  // SS and FF: leave and enter on the same side; the vertical leg runs outside both ends.
  if (out !== into) {
    const v = out < 0 ? Math.min(fx, tx) - GAP : Math.max(fx, tx) + GAP;
    return `M${fx} ${fy}H${v}V${ty}H${tx}`;
  }
  const x1 = fx + out * GAP;
  const x2 = tx - into * GAP;
  if ((x2 - x1) * into >= 0) return `M${fx} ${fy}H${x1}V${ty}H${tx}`;
  const yMid = ty > fy ? ty - rowH / 2 : ty + rowH / 2;
  return `M${fx} ${fy}H${x1}V${yMid}H${x2}V${ty}H${tx}`;
}
