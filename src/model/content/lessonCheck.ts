// Reads lesson.json and quiz.json: first against their schemas (scenarios/lesson/*.schema.json),
// then in code what a schema cannot say: ids are unique, drills and questions name scenarios,
// plays, variants and chapters that exist, a drill's "why?" choices name different rules with
// exactly one the engine's decision turns on, and the engine agrees with every answer key about
// an outcome. Node only (build plugin, tests): the browser gets the checked result.
import type { Lesson, Drill } from './lesson';
import { resolveDrill } from './lesson';
import { decisiveRules } from './lessonReasons';
import type { Quiz, QuizQuestion } from './quiz';
import { runPlay, type Scenario } from './scenario';
import { at, problemLine, repeats, schemaProblems, type Problem } from './schemas';

type LessonFile = {
  title: string;
  intro: string[];
  chapters: (Omit<Lesson['chapters'][number], 'list' | 'callouts' | 'drills'> & {
    list?: string[];
    callouts?: Lesson['chapters'][number]['callouts'];
    drills: (Omit<Drill, 'reasons'> & { reasons?: Drill['reasons'] })[];
  })[];
};

/** Where a drill or question leads: a message naming what is missing, or what the engine says. */
function runDrill(d: Drill, scenarios: Scenario[]) {
  const found = resolveDrill(d, scenarios);
  if (typeof found === 'string') return found;
  const r = runPlay(found.scenario, found.play, found.variant);
  return r.ok ? r.value : r.error;
}

function lessonProblems(f: LessonFile, scenarios: Scenario[]): Problem[] {
  const problems = repeats(f.chapters, 'chapters');
  f.chapters.forEach((c, i) =>
    c.drills.forEach((d, j) => {
      const path = at(at(at('chapters', i), 'drills'), j);
      const reasons = d.reasons ?? [];
      const rules = reasons.map((x) => x.rule);
      if (new Set(rules).size !== rules.length)
        problems.push({
          path: at(path, 'reasons'),
          message: 'each choice must name a different rule',
        });
      const decision = runDrill({ ...d, reasons }, scenarios);
      if (typeof decision === 'string') return problems.push({ path, message: decision });
      const decisive = decisiveRules(decision);
      const right = rules.filter((r) => decisive.includes(r));
      if (reasons.length && right.length !== 1)
        problems.push({
          path: at(path, 'reasons'),
          message: `${right.length ? 'more than one choice names' : 'no choice names'} a rule the engine's decision turns on (${decisive.join(', ')})`,
        });
    }),
  );
  return problems;
}

/** Reads lesson.json; `lesson` is set only when nothing is wrong. */
export function parseLesson(
  json: unknown,
  scenarios: Scenario[],
): { lesson?: Lesson; errors: string[] } {
  const line = (p: Problem) => problemLine('lesson.json', p);
  const schema = schemaProblems('lesson', json);
  if (schema.length) return { errors: schema.map(line) };
  const f = json as LessonFile;
  const problems = lessonProblems(f, scenarios);
  if (problems.length) return { errors: problems.map(line) };
  const lesson: Lesson = {
    title: f.title,
    intro: f.intro,
    chapters: f.chapters.map((c) => ({
      id: c.id,
      title: c.title,
      body: c.body,
      list: c.list ?? [],
      callouts: c.callouts ?? [],
      sources: c.sources,
      drills: c.drills.map((d) => ({ ...d, reasons: d.reasons ?? [] })),
    })),
  };
  return { lesson, errors: [] };
}

function questionProblems(
  q: QuizQuestion,
  path: string,
  chapters: string[],
  scenarios: Scenario[],
) {
  const problems = repeats(q.options, at(path, 'options'));
  const answer = q.options.find((o) => o.id === q.answer);
  if (!answer)
    problems.push({ path: at(path, 'answer'), message: `"${q.answer}" is not one of the options` });
  if (!chapters.includes(q.chapter))
    problems.push({ path: at(path, 'chapter'), message: `"${q.chapter}" is not a lesson chapter` });
  if (!q.play) return problems;
  const decision = runDrill({ ...q.play, reasons: [] }, scenarios);
  if (typeof decision === 'string')
    return [...problems, { path: at(path, 'play'), message: decision }];
  const claiming = q.options.filter((o) => o.outcome === decision.outcome);
  if (answer && answer.outcome !== decision.outcome)
    problems.push({
      path: at(path, 'answer'),
      message: `the engine answers ${decision.outcome}, not ${answer.outcome} (option "${answer.id}")`,
    });
  else if (claiming.length > 1)
    problems.push({
      path: at(path, 'options'),
      message: `${claiming.length} options claim the engine's outcome ${decision.outcome}`,
    });
  return problems;
}

/** Reads quiz.json against the lesson's chapter ids and the scenarios; `quiz` is set only when
 * nothing is wrong. */
export function parseQuiz(
  json: unknown,
  chapters: string[],
  scenarios: Scenario[],
): { quiz?: Quiz; errors: string[] } {
  const line = (p: Problem) => problemLine('quiz.json', p);
  const schema = schemaProblems('quiz', json);
  if (schema.length) return { errors: schema.map(line) };
  const { $schema: _, ...quiz } = json as Quiz & { $schema?: string };
  const problems = [
    ...repeats(quiz.questions, 'questions'),
    ...quiz.questions.flatMap((q, i) =>
      questionProblems(q, at('questions', i), chapters, scenarios),
    ),
  ];
  return problems.length ? { errors: problems.map(line) } : { quiz, errors: [] };
}

/** Both files, as the build serves them; a broken lesson leaves the quiz's chapters unchecked. */
export function loadLesson(
  lessonJson: unknown,
  quizJson: unknown,
  scenarios: Scenario[],
): { lesson?: Lesson; quiz?: Quiz; errors: string[] } {
  const l = parseLesson(lessonJson, scenarios);
  const chapters = l.lesson?.chapters.map((c) => c.id);
  const q = parseQuiz(quizJson, chapters ?? [], scenarios);
  const quizErrors = chapters ? q.errors : q.errors.filter((e) => !/\.chapter: /.test(e));
  return {
    lesson: l.lesson,
    quiz: l.lesson ? q.quiz : undefined,
    errors: [...l.errors, ...quizErrors],
  };
}
