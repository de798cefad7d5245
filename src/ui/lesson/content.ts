// The lesson and quiz, bundled at build time from scenarios/lesson/ and checked against the
// scenario catalog. Problems are listed for the view to show, never thrown.
import lessonJson from '../../../scenarios/lesson/lesson.json';
import quizJson from '../../../scenarios/lesson/quiz.json';
import { parseLesson } from '../../model/content/lesson';
import { parseQuiz } from '../../model/content/quiz';
import { catalog } from '../catalog';

const lessonResult = parseLesson(lessonJson, catalog.scenarios);
const quizResult = parseQuiz(quizJson, lessonResult.lesson?.chapters.map((c) => c.id) ?? []);

export const content = {
  lesson: lessonResult.lesson,
  quiz: quizResult.quiz,
  scenarios: catalog.scenarios,
  errors: [...lessonResult.errors, ...quizResult.errors],
};
