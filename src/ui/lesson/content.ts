// The lesson and quiz, checked at build time (src/build/catalogPlugin.ts) against their schemas
// and the scenario catalog. Problems are listed for the view to show, never thrown.
import lessonData from 'virtual:pat-fence-lesson';
import { catalog } from '../catalog';

export const content = {
  lesson: lessonData.lesson,
  quiz: lessonData.quiz,
  scenarios: catalog.scenarios,
  errors: lessonData.errors,
};
