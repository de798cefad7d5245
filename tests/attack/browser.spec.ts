// The attack's browser cases, in real Chromium against the built app under its strict CSP: every
// view and lab tab (CSP, console, foreign requests), hostile link params on every view, the three
// duplicate-key crashes, tokens typed, pasted, dropped and picked (and what the page then keeps
// and downloads), the LMS's values, and work that must not be lost. Each case is recorded (pass
// or why not) in ATTACK_OUT for the runner's table; a test fails if any of its cases did.
import { appendFileSync, readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { defaultSandbox } from '../../src/model/lab/sandboxTypes';
import { encodeSandbox } from '../../src/model/lab/sandboxUrl';
import { NASTY, PAT52, PAT84, PLANTED, leakIn } from './support';

test.use({ reducedMotion: 'reduce' });
// Many cases per test, on a machine other sessions share: generous waits, one bound per test.
test.describe.configure({ timeout: 900_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

const OUT = process.env.ATTACK_OUT;
/** Where a failing case's screenshot goes (git-ignored). */
const SHOTS = new URL('../e2e-artifacts/attack', import.meta.url).pathname;
const FIX = new URL('../fixtures/', import.meta.url);
const fixture = (p: string) => readFileSync(new URL(p, FIX), 'utf8');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const WARNING = 'That looks like a real access token.';

/** What a page did that it must not: errors, CSP violations, requests off its origin. */
interface Watch {
  bad: string[];
}
async function watch(page: Page, origin: string): Promise<Watch> {
  const w: Watch = { bad: [] };
  const own = new URL(origin).origin;
  page.on(
    'console',
    (m) => m.type() === 'error' && w.bad.push(`console: ${m.text().slice(0, 160)}`),
  );
  page.on('pageerror', (e) => w.bad.push(`uncaught: ${e.message.slice(0, 160)}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== own)
      w.bad.push(`foreign request: ${url.slice(0, 120)}`);
  });
  await page.exposeFunction('__csp', (v: string) => w.bad.push(`CSP: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp(v: string): void }).__csp(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  return w;
}

/** Everything the page keeps where a token could stay: address, storage, the text shown. */
const kept = (page: Page) =>
  page.evaluate(
    () =>
      `${location.href}\n${JSON.stringify({ ...localStorage })}\n${JSON.stringify({ ...sessionStorage })}\n${document.body.innerText}\n${[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).join('\n')}`,
  );

/** Runs the cases of one category, each on its own fresh page, and records each outcome. */
async function cases(
  category: string,
  page: Page,
  baseURL: string,
  list: [string, (page: Page) => Promise<void>][],
) {
  const failures: string[] = [];
  for (const [name, run] of list) {
    const p = await page.context().newPage();
    p.setDefaultTimeout(20_000);
    const w = await watch(p, baseURL);
    let detail = '';
    try {
      await run(p);
      await p.waitForTimeout(150);
      const leak = leakIn(await kept(p));
      if (leak) detail = 'a token is kept (address, storage, links or text)';
    } catch (e) {
      detail = String((e as Error).message ?? e)
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[\d+m/g, '')
        .split('\n')
        .filter((l) => l.trim())
        .slice(0, 3)
        .join(' / ')
        .slice(0, 300);
    }
    if (!detail && w.bad.length) detail = w.bad[0]!;
    if (detail)
      await p
        .screenshot({
          path: `${SHOTS}/${category}-${name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`,
        })
        .catch(() => undefined);
    await p.close();
    if (detail) failures.push(`${name}: ${detail}`);
    if (OUT) appendFileSync(OUT, JSON.stringify({ category, name, ok: !detail, detail }) + '\n');
  }
  expect(failures).toEqual([]);
}

/** The view is drawn: something in <main> (or the body, for pages without one). */
async function drawn(page: Page) {
  await expect
    .poll(async () => (await page.locator('main, body').first().innerText()).trim().length, {
      timeout: 10_000,
    })
    .toBeGreaterThan(20);
}

const VIEWS: [string, string][] = [
  ['landing', './'],
  ['compare', './#/compare?flow=ssh&policy=both'],
  ['player', './#/player?v=1&s=policy-on&p=cafe-pat&t=3'],
  ['player, split tunnel', './#/player?v=1&s=split-tunnel'],
  ['player, presenter', './#/player?v=1&s=ssh-key&presenter=1'],
  ['lesson', './#/lesson'],
  ['lesson chapter 3', './#/lesson?chapter=3'],
  ['lesson presenter', './#/lesson?presenter=1&hints=0&quiz=0&chapter=2'],
  ['lab sandbox', './#/lab?tab=sandbox'],
  ['lab challenges', './#/lab?tab=challenges'],
  ['lab import', './#/lab?tab=import'],
  ['lab impact', './#/lab?tab=impact'],
  ['lab evidence', './#/lab?tab=evidence'],
  ['rules', './#/rules'],
  ['rule R12', './#/rules/R12'],
  ['embed', './#/embed?v=1&s=split-tunnel&t=2'],
  ['element page', './element-example.html'],
];

test('CSP and no foreign request on every view', async ({ page, baseURL }) => {
  await cases(
    'csp',
    page,
    baseURL!,
    VIEWS.map(([name, url]) => [
      name,
      async (p) => {
        const res = await p.goto(url);
        if (res!.headers()['content-security-policy'] !== CSP) throw new Error('no strict CSP');
        await drawn(p);
        const play = p.getByRole('button', { name: 'Play', exact: true }).first();
        if (await play.count()) await play.click();
        await p.waitForTimeout(400);
      },
    ]),
  );
});

test('hostile link params on every view', async ({ page, baseURL }) => {
  const values: [string, string][] = [
    ...PLANTED.slice(0, 4),
    ['markup', '<img src=x onerror=alert(1)>'],
    ['%ff%fe', '%ff%fe'],
    ['50,000 characters', 'x'.repeat(50_000)],
    ['__proto__', '__proto__'],
  ];
  const targets: [string, (v: string) => string][] = [
    ['compare flow', (v) => `./#/compare?flow=${v}&policy=${v}`],
    ['player s,p,t', (v) => `./#/player?v=1&s=${v}&p=${v}&t=${v}`],
    ['lesson chapter', (v) => `./#/lesson?chapter=${v}`],
    ['lab s', (v) => `./#/lab?tab=sandbox&s=1.${v}`],
    ['lab tab', (v) => `./#/lab?tab=${v}`],
    ['rules', (v) => `./#/rules/${v}`],
    ['embed', (v) => `./#/embed?v=1&s=${v}`],
    ['view name', (v) => `./#/${v}`],
  ];
  const list: [string, (p: Page) => Promise<void>][] = [];
  for (const [where, url] of targets)
    for (const [label, v] of values)
      list.push([
        `${where}: ${label}`,
        async (p) => {
          await p.goto(url(encodeURIComponent(v).replace(/%25/g, '%')));
          await drawn(p);
          if (await p.locator('img[src="x"]').count()) throw new Error('markup injected');
        },
      ]);
  await cases('url state', page, baseURL!, list);
});

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});
const csvFile = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
});
const graphPolicies = () =>
  JSON.parse(fixture('graph/policies.json')) as { value: Record<string, unknown>[] };

test('duplicate keys never blank a view', async ({ page, baseURL }) => {
  const missing = '00000000-0000-4000-8000-00000000dead';
  const twins = (n: number) => {
    const g = graphPolicies();
    return {
      value: Array.from({ length: n }, (_, i) => {
        const p = structuredClone(g.value[0]!) as {
          id: string;
          conditions: { locations: unknown };
        };
        p.id = `1111111${i}-1111-4111-8111-111111111111`;
        p.conditions.locations = { includeLocations: [missing], excludeLocations: [] };
        return p;
      }),
    };
  };
  const sandboxLink = (dupe: 'locations' | 'policies') => {
    const c = defaultSandbox();
    const list = c[dupe] as { name: string }[];
    list.push({ ...list[0]!, name: 'Same id again' });
    const e = encodeSandbox(c);
    return `./#/lab?tab=sandbox&s=${e.ok ? e.value : ''}`;
  };
  const sandboxShown = async (p: Page) => {
    await expect(p.getByLabel('IP that reaches Azure DevOps')).toBeVisible();
  };
  const list: [string, (p: Page) => Promise<void>][] = [
    ...[2, 3].map(
      (n) =>
        [
          `${n} policies, one displayName, same missing location → Sandbox`,
          async (p: Page) => {
            await p.goto('./#/lab?tab=import');
            await p.setInputFiles('#import-policies-file', jsonFile('twins.json', twins(n)));
            await expect(p.locator('.import')).toContainText('which is not among the imported');
            await p.getByRole('button', { name: 'Sandbox' }).click();
            await sandboxShown(p);
          },
        ] as [string, (p: Page) => Promise<void>],
    ),
    ...(['locations', 'policies'] as const).map(
      (d) =>
        [
          `a link with two ${d} sharing one id (and a reload)`,
          async (p: Page) => {
            await p.goto(sandboxLink(d));
            await sandboxShown(p);
            await p.reload();
            await sandboxShown(p);
          },
        ] as [string, (p: Page) => Promise<void>],
    ),
    [
      'one bad file in both import slots',
      async (p) => {
        await p.goto('./#/lab?tab=import');
        const bad = jsonFile('bad.json', '{"value": 3');
        await p.setInputFiles('#import-locations-file', bad);
        await p.setInputFiles('#import-policies-file', bad);
        await expect(p.getByRole('alert', { name: 'Import errors' }).locator('p')).toHaveCount(2);
      },
    ],
    [
      'the same bad file twice in one slot',
      async (p) => {
        await p.goto('./#/lab?tab=import');
        const bad = jsonFile('bad.json', '{"value": 3');
        await p.setInputFiles('#import-policies-file', bad);
        await p.setInputFiles('#import-policies-file', bad);
        await expect(p.getByRole('heading', { name: "Import your tenant's data" })).toBeVisible();
      },
    ],
    [
      'one sign-in CSV with the same row twice',
      async (p) => {
        await p.goto('./#/lab?tab=impact');
        const row = '52.168.1.12,adele@contoso.com,pat\n';
        await p.setInputFiles(
          '#impact-csv-file',
          csvFile('dup.csv', `ip,user,flow\n${row}${row}${row}`),
        );
        await expect(p.getByTestId('newly-blocked')).toBeVisible();
      },
    ],
  ];
  await cases('duplicate keys', page, baseURL!, list);
});

/** Pastes `text` into the field as a clipboard paste would. */
async function paste(p: Page, selector: string, text: string) {
  await p.locator(selector).waitFor();
  await p.evaluate(
    ([sel, t]) => {
      const box = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(sel!)!;
      const dt = new DataTransfer();
      dt.setData('text/plain', t!);
      box.focus();
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    [selector, text],
  );
}
/** Drops `text` on the field as a drag from another window would. */
async function drop(p: Page, selector: string, text: string) {
  await p.locator(selector).waitFor();
  await p.evaluate(
    ([sel, t]) => {
      const box = document.querySelector<HTMLElement>(sel!)!;
      const dt = new DataTransfer();
      dt.setData('text/plain', t!);
      box.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    [selector, text],
  );
}

test('tokens typed, pasted, dropped and picked: removed, warned, never kept', async ({
  page,
  baseURL,
}) => {
  const list: [string, (p: Page) => Promise<void>][] = [];
  for (const [label, v] of PLANTED.slice(0, 5)) {
    list.push(
      [
        `typed into a sandbox name: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=sandbox');
          await p.locator('#sb-loc-hq-name').fill(v);
          await expect(p.getByText(WARNING)).toBeVisible();
          await p.waitForTimeout(700);
        },
      ],
      [
        `pasted into the impact paste box: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=impact');
          await p.locator('#impact-csv-text').waitFor();
          await paste(p, '#impact-csv-text', `ip,user,flow\n52.168.1.12,${v},pat\n`);
          await expect(p.getByText(WARNING)).toBeVisible();
        },
      ],
      [
        `pasted into the policies box: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=import');
          const g = graphPolicies();
          g.value[0]!.displayName = v;
          await paste(p, '#import-policies-text', JSON.stringify(g));
          await expect(p.getByText(WARNING)).toBeVisible();
        },
      ],
      [
        `picked in a sign-in CSV, then every export: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=impact');
          const csv = `ip,user,flow\n52.168.1.12,${JSON.stringify(v)},pat\n203.0.113.9,x,pat\n`;
          await p.setInputFiles('#impact-csv-file', csvFile('s.csv', csv));
          await expect(p.getByTestId('newly-blocked')).toBeVisible();
          await expect(p.getByText(WARNING)).toBeVisible();
          for (const button of [
            'Export refused rows (CSV)',
            'Export users (CSV)',
            'Export IPs (CSV)',
          ]) {
            const d = p.waitForEvent('download');
            await p.getByRole('button', { name: button }).click();
            const text = readFileSync(await (await d).path(), 'utf8');
            if (leakIn(text)) throw new Error(`${button} holds the token`);
          }
        },
      ],
      [
        `picked in a Graph policies file, then the Sandbox: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=import');
          const g = graphPolicies();
          g.value[0]!.displayName = v;
          await p.setInputFiles('#import-policies-file', jsonFile('policies.json', g));
          await expect(p.getByText(WARNING)).toBeVisible();
          await p.getByRole('button', { name: 'Sandbox' }).click();
          await expect(p.getByLabel('IP that reaches Azure DevOps')).toBeVisible();
        },
      ],
      [
        `pasted as evidence: ${label}`,
        async (p) => {
          await p.goto('./#/lab?tab=evidence');
          const ev = fixture('evidence/portal-signin-blocked-53003.json').replace(
            'bruno.silva@contoso.com',
            v.replace(/["\\]/g, ''),
          );
          await paste(p, '#evidence-text', ev);
          await p.getByRole('button', { name: 'Read pasted evidence' }).click();
          await p.waitForTimeout(300);
        },
      ],
    );
  }
  list.push(
    [
      'dropped text on the paste box',
      async (p) => {
        await p.goto('./#/lab?tab=impact');
        await p.locator('#impact-csv-text').waitFor();
        await drop(p, '#impact-csv-text', `ip,user\n52.168.1.12,${PAT52}\n`);
        await p.waitForTimeout(500);
      },
    ],
    [
      'a 51-character prefix typed and paused',
      async (p) => {
        await p.goto('./#/lab?tab=sandbox');
        const name = p.locator('#sb-loc-hq-name');
        await name.fill('');
        await name.pressSequentially(PAT52.slice(0, 51), { delay: 3 });
        await p.waitForTimeout(1200);
        const hash = await p.evaluate(() => location.hash);
        const s = hash.split('s=1.')[1]?.split('&')[0] ?? '';
        if (Buffer.from(s, 'base64url').toString().includes(PAT52.slice(0, 30)))
          throw new Error('the prefix is in the link');
        await p.getByLabel('IP that reaches Azure DevOps').focus();
      },
    ],
    [
      '#/lesson?chapter=<PAT> leaves the address bar',
      async (p) => {
        await p.goto(`./#/lesson?chapter=${PAT52}`);
        await expect(p.getByRole('alert').filter({ hasText: WARNING })).toBeVisible();
      },
    ],
    [
      'a token in the share link of the compare view',
      async (p) => {
        await p.goto(`./#/compare?flow=pat&policy=on&scenario=${PAT84}`);
        await drawn(p);
      },
    ],
  );
  await cases('tokens', page, baseURL!, list);
});

test('real names pass, pasted and picked alike', async ({ page, baseURL }) => {
  const names = [
    'CA001-Global-BaseProtection-AllApps-AnyPlatform-BlockNonCompliant',
    'AzureDevOps-SelfHosted-Agents-WestEurope-Prod01',
    'svc-build-agent-01-Prod-WestEurope-Pipelines@contoso.com',
    '0a8f7259833f4bbea16a4eeda131920b',
  ];
  const list: [string, (p: Page) => Promise<void>][] = [];
  for (const n of names)
    for (const how of ['picked', 'pasted'] as const)
      list.push([
        `${how}: ${n.slice(0, 40)}`,
        async (p) => {
          await p.goto('./#/lab?tab=import');
          const g = graphPolicies();
          g.value[0]!.displayName = n;
          const text = JSON.stringify(g);
          if (how === 'picked')
            await p.setInputFiles('#import-policies-file', jsonFile('p.json', text));
          else {
            await paste(p, '#import-policies-text', text);
            await p
              .getByRole('button', { name: 'Import pasted conditional access policies' })
              .click();
          }
          const from = how === 'picked' ? 'p.json' : 'pasted text';
          await expect(
            p.getByText(`In use: 7 conditional access policies from ${from}`),
          ).toBeVisible();
          await expect(p.getByText(WARNING)).toHaveCount(0);
          await p.getByRole('button', { name: 'Sandbox' }).click();
          await expect(p.locator('main')).toContainText(n);
        },
      ]);
  await cases('false positives', page, baseURL!, list);
});

test('spreadsheets in the page', async ({ page, baseURL }) => {
  const rows =
    'ip;user;flow\n52.168.1.12;José Müller;pat\n203.0.113.9;Zoë;pat\n198.51.100.7;x;ssh\n';
  const u16 = (t: string, be: boolean) => {
    const b = Buffer.from(t, 'utf16le');
    if (be) b.swap16();
    return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
  };
  const files: [string, Buffer, RegExp | undefined][] = [
    ['semicolon', Buffer.from(rows), undefined],
    ['tab', Buffer.from(rows.replace(/;/g, '\t')), undefined],
    ['UTF-16 LE tab (Excel Unicode text)', u16(rows.replace(/;/g, '\t'), false), undefined],
    ['UTF-16 BE comma', u16(rows.replace(/;/g, ','), true), undefined],
    ['Windows-1252', Buffer.from(rows, 'latin1'), /Windows-1252/],
  ];
  const list: [string, (p: Page) => Promise<void>][] = files.map(([label, b, notice]) => [
    label,
    async (p) => {
      await p.goto('./#/lab?tab=impact');
      await p.setInputFiles('#impact-csv-file', csvFile('s.csv', b));
      await expect(p.getByTestId('newly-blocked')).toBeVisible();
      await expect(p.locator('main')).toContainText('3');
      if (notice) await expect(p.locator('main')).toContainText(notice);
    },
  ]);
  list.push([
    'a binary file: one short line, the previous report stays',
    async (p) => {
      await p.goto('./#/lab?tab=impact');
      await p.setInputFiles('#impact-csv-file', csvFile('s.csv', Buffer.from(rows)));
      const newly = p.getByTestId('newly-blocked');
      await expect(newly).toBeVisible();
      const before = await newly.textContent();
      const bin = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 256));
      await p.setInputFiles('#impact-csv-file', csvFile('bin.csv', bin));
      const alert = p.getByRole('alert').filter({ hasText: 'bin.csv' });
      await expect(alert).toBeVisible();
      if ((await alert.innerText()).length > 400) throw new Error('a long message');
      await expect(newly).toHaveText(before!);
    },
  ]);
  await cases('spreadsheets', page, baseURL!, list);
});

test('work is not lost', async ({ page, baseURL }) => {
  const list: [string, (p: Page) => Promise<void>][] = [
    [
      'lab → Scenarios → Back keeps imports and the impact report',
      async (p) => {
        await p.goto('./#/lab?tab=import');
        await p.setInputFiles(
          '#import-policies-file',
          jsonFile('policies.json', fixture('graph/policies.json')),
        );
        await expect(p.getByText('In use: 7 conditional access policies')).toBeVisible();
        await p.getByRole('button', { name: 'Impact' }).click();
        await p.setInputFiles(
          '#impact-csv-file',
          csvFile('s.csv', fixture('lab/signins-tokens.csv')),
        );
        const newly = p.getByTestId('newly-blocked');
        await expect(newly).toBeVisible();
        const n = await newly.textContent();
        await p.getByRole('link', { name: 'Scenarios' }).click();
        await p.goBack();
        await p.getByRole('button', { name: 'Impact' }).click();
        await expect(newly).toHaveText(n!);
        await p.getByRole('button', { name: 'Import data' }).click();
        await expect(p.getByText('In use: 7 conditional access policies')).toBeVisible();
      },
    ],
    [
      'a full localStorage: the lesson says progress cannot be saved',
      async (p) => {
        await p.addInitScript(() => {
          Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError');
          };
        });
        await p.goto('./#/lesson');
        await p
          .getByRole('button', { name: /Next|Start/ })
          .first()
          .click();
        await expect(p.getByText(/can't be saved in this browser/)).toBeVisible();
      },
    ],
    [
      'a record from a newer version is kept, with a notice',
      async (p) => {
        await p.goto('./#/lesson');
        const rec = '{"v":2,"position":{"chapter":5},"future":"field"}';
        await p.evaluate((r) => localStorage.setItem('pat-fence.lesson.v1', r), rec);
        await p.reload();
        await p
          .getByRole('button', { name: /Next|Start/ })
          .first()
          .click();
        await expect(p.getByText(/newer version/)).toBeVisible();
        const now = await p.evaluate(() => localStorage.getItem('pat-fence.lesson.v1'));
        if (now !== rec) throw new Error('the newer record was overwritten');
      },
    ],
    [
      'a damaged record: the lesson starts afresh',
      async (p) => {
        await p.goto('./#/lesson');
        await p.evaluate(() =>
          localStorage.setItem('pat-fence.lesson.v1', '{"v":1,"position":{"chapter":"x'),
        );
        await p.reload();
        await drawn(p);
      },
    ],
    [
      'a bad sandbox link while the lab is open keeps the sandbox on screen',
      async (p) => {
        await p.goto('./#/lab?tab=sandbox');
        await p.getByLabel('IP that reaches Azure DevOps').fill('198.51.100.20');
        await p.goto('./#/lab?tab=sandbox&s=1.!!!');
        await expect(p.getByLabel('IP that reaches Azure DevOps')).toHaveValue('198.51.100.20');
      },
    ],
  ];
  await cases('work loss', page, baseURL!, list);
});

test('the LMS: wrong types and tokens from the SCORM API', async ({ page, baseURL }) => {
  const values: [string, unknown][] = [
    ['a number', 42],
    ['an object', { first: 'Ada' }],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['Ada']],
    ['a boolean', true],
    ['a 1 MB string', 'A'.repeat(1_000_000)],
    ['a 52-char PAT', PAT52],
    ['an 84-char PAT', `Lovelace, ${PAT84}`],
    ['PAT+"x"', `${PAT52}x`],
    ...NASTY.slice(4, 12).map(([l, v]) => [l, v] as [string, unknown]),
  ];
  const list: [string, (p: Page) => Promise<void>][] = values.map(([label, v]) => [
    `student_name ${label}`,
    async (p) => {
      await p.addInitScript(
        (name) => {
          const values: Record<string, unknown> = {
            'cmi.core.student_name': name.v,
            'cmi.core.lesson_status': 7,
            'cmi.suspend_data': { x: 1 },
          };
          Object.assign(window, {
            API: {
              LMSInitialize: () => true,
              LMSFinish: () => 'true',
              LMSGetValue: (k: string) => values[k],
              LMSSetValue: (k: string, x: string) => ((values[k] = x), 'true'),
              LMSCommit: () => 'true',
              LMSGetLastError: () => 0,
            },
          });
        },
        { v },
      );
      await p.goto('./#/lesson');
      await drawn(p);
      await p
        .getByRole('button', { name: /Next|Start/ })
        .first()
        .click();
    },
  ]);
  await cases('scorm', page, baseURL!, list);
});
