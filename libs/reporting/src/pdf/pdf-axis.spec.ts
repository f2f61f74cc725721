import { niceAxis } from './pdf-axis.js';

describe('niceAxis', () => {
  it.each<[number, number, boolean, { max: number; step: number }]>([
    [100, 5, false, { max: 100, step: 20 }],
    [40, 5, false, { max: 40, step: 10 }],
    [37, 5, false, { max: 40, step: 10 }],
    [7, 5, true, { max: 8, step: 2 }],
    [3, 5, true, { max: 3, step: 1 }],
    [0.42, 5, false, { max: 0.5, step: 0.1 }],
    [210000, 5, false, { max: 250000, step: 50000 }],
    [0, 5, true, { max: 5, step: 1 }],
    [0, 5, false, { max: 1, step: 0.2 }],
  ])('should give %p with %p ticks (integers %p) the axis %p', (largest, ticks, integers, expected) => {
    const axis = niceAxis(largest, ticks, integers);
    expect(axis.step).toBeCloseTo(expected.step, 10);
    expect(axis.max).toBeCloseTo(expected.max, 10);
    expect(axis.max).toBeGreaterThanOrEqual(largest);
  });
});
