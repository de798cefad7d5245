// Trainer switches in the lesson's URL: `#/lesson?presenter=1&hints=0&quiz=0&chapter=3`.
// Anything unexpected falls back to the default; a URL can never break the lesson.

export interface LessonParams {
  presenter: boolean;
  hints: boolean;
  quiz: boolean;
  /** 0-based chapter index, from a 1-based number or a chapter id. */
  chapter?: number;
}

function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(v)) return true;
  if (['0', 'false', 'off', 'no'].includes(v)) return false;
  return fallback;
}

export function parseLessonParams(params: URLSearchParams, chapterIds: string[]): LessonParams {
  const raw = params.get('chapter')?.trim() ?? '';
  let chapter: number | undefined;
  if (/^\d{1,3}$/.test(raw)) {
    const n = Number(raw) - 1;
    if (n >= 0 && n < chapterIds.length) chapter = n;
  } else if (raw && chapterIds.includes(raw)) chapter = chapterIds.indexOf(raw);
  return {
    presenter: flag(params.get('presenter'), false),
    hints: flag(params.get('hints'), true),
    quiz: flag(params.get('quiz'), true),
    ...(chapter !== undefined ? { chapter } : {}),
  };
}
