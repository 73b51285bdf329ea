// Viridis (perceptually uniform, readable in light and dark themes and for colour-blind
// readers), sampled at 9 stops and interpolated. Non-finite values get colours outside it.

const STOPS: Array<[number, number, number]> = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

export const NAN_RGB: [number, number, number] = [255, 0, 200];
export const POS_INF_RGB: [number, number, number] = [255, 70, 40];
export const NEG_INF_RGB: [number, number, number] = [255, 255, 255];

export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i]; const b = STOPS[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

export function colourOf(v: number, min: number, max: number): [number, number, number] {
  if (Number.isNaN(v)) return NAN_RGB;
  if (v === Infinity) return POS_INF_RGB;
  if (v === -Infinity) return NEG_INF_RGB;
  return viridis(max > min ? (v - min) / (max - min) : 0.5);
}

export const rgb = (c: [number, number, number]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
