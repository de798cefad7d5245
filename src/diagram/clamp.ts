// One number kept within bounds. Its own module so that the fence picture (on the first page)
// does not pull the route geometry and d3-shape in with it.
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
