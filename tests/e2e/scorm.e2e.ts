// The SCORM 1.2 package in a fake LMS: the zip from `npm run build:scorm` is unpacked and served
// under the preview origin (same origin as the LMS page, as an LMS would), the LMS page puts
// window.API in the parent frame, and the lesson must report completion and score through it.
// Opened without an LMS, the same package is a plain working page.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { drillPlan, quiz, quizPlan, totalDrills } from './support/lessonPlan';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  json: 'application/json',
};
// One worker: the package is built once, and two builds never write the same zip.
test.describe.configure({ mode: 'serial' });
let files: Record<string, Uint8Array> = {};

test.beforeAll(() => {
  execFileSync('node', ['tests/tools/scorm-build.mjs'], {
    cwd: root,
    stdio: 'pipe',
    timeout: 120_000,
  });
  files = unzipSync(readFileSync(`${root}dist-scorm/pat-fence-scorm12.zip`));
});

async function serve(page: Page) {
  const fulfil = (body: Uint8Array | Buffer | undefined, path: string) => ({
    status: body ? 200 : 404,
    headers: {
      'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'content-security-policy': CSP,
    },
    body: Buffer.from(body ?? 'not found'),
  });
  await page.route('**/scorm-pkg/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/scorm-pkg\//, '');
    return route.fulfill(fulfil(files[path], path));
  });
  await page.route('**/scorm-lms/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*\/scorm-lms\//, '');
    const body = /^lms\.(html|js)$/.test(path)
      ? readFileSync(`${root}tests/fixtures/scorm/${path}`)
      : undefined;
    return route.fulfill(fulfil(body, path));
  });
}

test('the package has a SCORM 1.2 manifest that launches the lesson and lists every file', () => {
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toMatch(/adlcp:scormtype="sco" href="index.html"/);
  expect(manifest).toContain('parameters="#/lesson"');
  for (const f of Object.keys(files).filter((f) => f !== 'imsmanifest.xml'))
    expect(manifest).toContain(`<file href="${f}"/>`);
});

test('inside a fake LMS, the lesson reports completion and score through window.API', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await serve(page);
  // Start one answer from the end: every drill and all but the last question answered right.
  await page.goto('./scorm-lms/lms.html');
  await page.evaluate(
    ({ chapters, questions, key }) => {
      const drills: Record<string, object> = {};
      chapters.forEach((n, c) => {
        for (let d = 0; d < n; d++)
          drills[`${c}.${d}`] = {
            predicted: 'allowed',
            actual: 'allowed',
            outcomeRight: true,
            reasonRight: null,
          };
      });
      const answers: Record<string, object> = {};
      for (let q = 0; q < questions - 1; q++) answers[q] = { choice: key[q], correct: true };
      localStorage.setItem(
        'pat-fence.lesson.v1',
        JSON.stringify({
          v: 1,
          position: { phase: 'quiz', chapter: 0, question: questions - 1, drills, answers },
          name: '',
        }),
      );
    },
    {
      chapters: drillPlan.map((c) => c.length),
      questions: quiz.questions.length,
      key: quiz.questions.map((q) => q.answer),
    },
  );
  await page.reload();
  const sco = page.frameLocator('#sco');
  await sco.getByRole('radio', { name: quizPlan.at(-1)!.right, exact: true }).check();
  await sco.getByRole('button', { name: 'Check answer' }).click();
  await sco.getByRole('button', { name: 'See your result' }).click();
  await expect(sco.getByTestId('final-score')).toContainText('(100%)');
  // The LMS's learner name fills the certificate.
  await expect(sco.getByRole('textbox', { name: 'Your name for the certificate' })).toHaveValue(
    'Dana Hansen',
  );

  const calls = async () =>
    page.evaluate(() => (window as unknown as { scormCalls: string[][] }).scormCalls);
  await expect.poll(calls).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'passed']);
  const recorded = await calls();
  const sets = recorded.filter((c) => c[0] === 'LMSSetValue').map((c) => `${c[1]}=${c[2]}`);
  expect(recorded[0]).toEqual(['LMSInitialize']);
  expect(sets).toEqual([
    'cmi.core.lesson_status=incomplete',
    'cmi.core.score.min=0',
    'cmi.core.score.max=100',
    'cmi.core.score.raw=100',
    'cmi.core.lesson_status=passed',
  ]);
  expect(recorded.at(-1)).toEqual(['LMSCommit']);
  expect(totalDrills).toBeGreaterThan(0);

  // Leaving the course ends the session.
  await page.evaluate(
    () => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'),
  );
  await expect.poll(calls).toContainEqual(['LMSFinish']);
  expect(errors).toEqual([]);
});

test('without an LMS the package is a plain working page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await serve(page);
  await page.goto('./scorm-pkg/index.html#/lesson');
  await expect(
    page.getByRole('heading', { level: 2, name: 'What a personal access token is' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.getByRole('group', { name: 'What happens?' })).toBeVisible();
  expect(errors).toEqual([]);
});
