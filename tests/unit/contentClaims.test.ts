// Teaching texts claim no more than the rules they teach (a review against FACTS.md): R2 is not
// "with the policy on", sign-in logs hold no PAT use, and R7 is an assumption wherever it is stated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const text = (file: string) =>
  readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8');

describe('content claims', () => {
  it.each<[string, RegExp, string]>([
    ['lesson/lesson.json', /with the policy on they honour every Conditional Access policy/, 'R2'],
    ['lesson/lesson.json', /report-only mode first and read the sign-in logs, then enable/, 'logs'],
    ['challenges/mfa-protects-pats.json', /so Azure DevOps does not evaluate it for PATs/, 'R7'],
    ['challenges/mfa-protects-pats.json', /honours only policies with a location condition/, 'R7'],
  ])('%s does not say %s (%s)', (file, claim) => {
    expect(text(file)).not.toMatch(claim);
  });

  it('every quiz question whose answer rests on R7 or R8 says it is the default assumption', () => {
    const quiz = JSON.parse(text('lesson/quiz.json')) as {
      questions: { id: string; prompt: string }[];
    };
    const third = quiz.questions.find((q) => q.id === 'q-third-party');
    expect(third?.prompt).toMatch(/PAT Fence's default assumption/);
  });
});
