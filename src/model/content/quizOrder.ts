// The order a learner sees each question's options in, for one attempt. A seeded PRNG (the view
// makes the seed; the model never reads a clock or Math.random) picks, question by question, the
// position of the right answer among the positions used least so far, so over a whole attempt
// the right answers are spread evenly and always picking the same position cannot pass.

/** mulberry32: a small, well-known 32-bit PRNG; the same seed always gives the same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface OrderQuestion {
  options: readonly { id: string }[];
  answer: string;
}

/** For each question, its option ids in display order. Deterministic in `seed`. */
export function quizOrder(questions: readonly OrderQuestion[], seed: number): string[][] {
  const next = prng(seed);
  const used: number[] = [];
  const orders: string[][] = [];
  // Visiting the questions in a seeded order keeps the first questions from always taking the
  // first free positions.
  for (const qi of shuffle(
    questions.map((_, i) => i),
    next,
  )) {
    const q = questions[qi]!;
    const n = q.options.length;
    const positions = Array.from({ length: n }, (_, i) => i);
    const least = Math.min(...positions.map((i) => used[i] ?? 0));
    const free = positions.filter((i) => (used[i] ?? 0) === least);
    const at = free[Math.floor(next() * free.length)]!;
    used[at] = (used[at] ?? 0) + 1;
    const others = shuffle(
      q.options.map((o) => o.id).filter((id) => id !== q.answer),
      next,
    );
    others.splice(at, 0, q.answer);
    orders[qi] = others;
  }
  return orders;
}

/** A seed from storage, or undefined when it is not a 32-bit unsigned integer. */
export function readSeed(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff ? v : undefined;
}
