// The fraction of the route's length where it first reaches `value` along its main axis (x when
// the diagram runs left to right, y when it runs top to bottom). The route is monotone on that axis.
import type { PathSample } from './types';

export function fractionAt(samples: PathSample[], axis: 'x' | 'y', value: number): number {
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1] as PathSample;
    const b = samples[i] as PathSample;
    if (b[axis] >= value) {
      const span = b[axis] - a[axis];
      const k = span > 0 ? Math.max(0, (value - a[axis]) / span) : 0;
      return a.t + (b.t - a.t) * k;
    }
  }
  return 1;
}
