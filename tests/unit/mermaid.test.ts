// toMermaid: a Decision's trace as a Mermaid flowchart that reproduces the step on screen, and
// labels that can never break out of their quotes whatever the text holds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { escapeMermaid, toMermaid } from '../../src/model/share/mermaid';
import { runPlay, type Scenario } from '../../src/model/content/scenario';
import { validateScenario } from '../../src/model/content/scenarioCheck';
import type { Decision } from '../../src/model/engine/types';

function scenario(id: string): Scenario {
  const file = fileURLToPath(new URL(`../../scenarios/${id}.json`, import.meta.url));
  const r = validateScenario(JSON.parse(readFileSync(file, 'utf8')), `${id}.json`);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function decisionOf(id: string, play: string): Decision {
  const s = scenario(id);
  const r = runPlay(
    s,
    s.plays.find((p) => p.id === play)!,
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const cafe = decisionOf('policy-on', 'cafe-pat');
const ctx = {
  actor: 'Kim, at a café',
  flow: 'pat' as const,
  orgPolicyOn: true,
  title: 'Org policy on',
};

/** Every line is a comment, the header, or a statement whose quotes pair up. */
function wellFormed(text: string) {
  const lines = text.trimEnd().split('\n');
  for (const line of lines) {
    if (line.startsWith('%%') || line === 'graph LR') continue;
    expect(line).toMatch(/^ {2}\S/);
    expect((line.match(/"/g) ?? []).length % 2).toBe(0);
  }
}

describe('toMermaid', () => {
  it('draws the whole trace and the verdict when no step is given', () => {
    const m = toMermaid(cafe, ctx);
    wellFormed(m);
    expect(m).toContain('graph LR');
    for (let i = 1; i <= cafe.trace.length; i++) expect(m).toContain(`  s${i}["${i}. `);
    expect(m).toContain('outcome("Blocked — HTTP 403 · VS403463")');
    expect(m).toContain('class outcome fail');
    expect(m).not.toContain('-.->');
  });

  it.each([-1, 0, 1])('at step %i shows later steps as not reached and no verdict', (step) => {
    const m = toMermaid(cafe, { ...ctx, step });
    wellFormed(m);
    expect(m).toContain(`%% Step ${step + 1} of ${cafe.trace.length}.`);
    expect(m).not.toContain('outcome(');
    expect((m.match(/not reached yet/g) ?? []).length).toBe(cafe.trace.length - step - 1);
    expect((m.match(/-\.->/g) ?? []).length).toBe(cafe.trace.length - step - 1);
  });

  it('marks each shown step with its result', () => {
    const m = toMermaid(cafe, ctx);
    cafe.trace.forEach((s, i) => expect(m).toContain(`class s${i + 1} ${s.result}`));
  });

  it('describes the actor, the flow and the org policy', () => {
    const m = toMermaid(cafe, { ...ctx, orgPolicyOn: false, flow: 'ssh' });
    expect(m).toContain('actor("Kim, at a café — SSH key, org policy off")');
  });

  it('keeps hostile text inside its label', () => {
    const evil = 'x"]\n  click actor "javascript:alert(1)";<b>#%%`{}|\\';
    const m = toMermaid(cafe, { ...ctx, actor: evil, title: `t\n  ${evil}` });
    wellFormed(m);
    expect(m).not.toContain('javascript:alert(1)";');
    expect(m).not.toMatch(/^ {2}click/m);
    expect(m).not.toContain('<b>');
  });
});

describe('escapeMermaid', () => {
  it.each([
    ['plain', 'plain'],
    ['"quoted"', '#34;quoted#34;'],
    ['a<b>c', 'a#60;b#62;c'],
    ['#1; & more', '#35;1#59; #38; more'],
    ['two\n lines', 'two lines'],
    ['[x](y){z}|', '#91;x#93;(y)#123;z#125;#124;'],
  ])('%j → %j', (input, out) => expect(escapeMermaid(input)).toBe(out));

  it('keeps long labels whole (no "…")', () => {
    expect(escapeMermaid('a'.repeat(500))).toBe('a'.repeat(500));
  });
});
