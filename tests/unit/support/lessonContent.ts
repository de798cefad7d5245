// The teaching content as the build serves it: the scenario catalog, lesson.json and quiz.json,
// each checked against its schema and the others.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLesson } from '../../../src/model/content/lessonCheck';
import { loadCatalog } from '../../../src/model/content/scenarioCatalog';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(dir + path, 'utf8'));

export const catalog = loadCatalog(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, read(f)]),
  ),
);
export const lessonJson = read('lesson/lesson.json');
export const quizJson = read('lesson/quiz.json');
export const content = loadLesson(lessonJson, quizJson, catalog.scenarios);
