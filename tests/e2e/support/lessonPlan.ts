// What a learner should answer, worked out by the engine in node: each drill's outcome and
// right reason, each quiz question's right option. The e2e tests then type those answers.
import { resolveDrill } from '../../../src/model/content/lesson';
import { decisiveRules } from '../../../src/model/content/lessonReasons';
import { runPlay } from '../../../src/model/content/scenario';
import { catalog, content } from '../../unit/support/lessonContent';

const WORD = { allowed: 'Allowed', blocked: 'Denied', 'mfa-required': 'MFA prompt' } as const;

export const lesson = content.lesson!;
export const quiz = content.quiz!;

export const drillPlan = lesson.chapters.map((c) =>
  c.drills.map((d) => {
    const found = resolveDrill(d, catalog.scenarios);
    if (typeof found === 'string') throw new Error(found);
    const r = runPlay(found.scenario, found.play, found.variant);
    if (!r.ok) throw new Error(r.error);
    const rules = decisiveRules(r.value);
    return {
      outcome: WORD[r.value.outcome],
      wrong: r.value.outcome === 'allowed' ? WORD.blocked : WORD.allowed,
      reason: d.reasons.find((x) => rules.includes(x.rule))?.text,
    };
  }),
);

export const quizPlan = quiz.questions.map((q) => ({
  right: q.options.find((o) => o.id === q.answer)!.text,
  wrong: q.options.find((o) => o.id !== q.answer)!.text,
  chapter: lesson.chapters.find((c) => c.id === q.chapter)!.title,
}));

export const totalDrills = drillPlan.flat().length;
