/**
 * A value axis from 0 with round steps (1, 2 or 5 times a power of ten) for charts. `niceAxis(largest, ticks?)`
 * → `{ max, step }`, `max` a multiple of `step` at or above `largest`; `integers` keeps steps whole (counts).
 */
export function niceAxis(largest: number, ticks = 5, integers = false): { max: number; step: number } {
  if (!(largest > 0)) return { max: integers ? ticks : 1, step: integers ? 1 : 1 / ticks };
  const rough = largest / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  if (integers) step = Math.max(1, Math.ceil(step));
  return { max: Math.ceil(largest / step - 1e-9) * step, step };
}
