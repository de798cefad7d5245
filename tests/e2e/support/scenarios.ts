// Reads the scenario files the way the tests need them: titles of plays and expected outcomes.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

export interface ScenarioFile {
  id: string;
  title: string;
  plays: {
    id: string;
    title: string;
    expect: { outcome: string; status?: number; code?: string };
  }[];
}

export const scenarioFiles: ScenarioFile[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as ScenarioFile);

export const VERDICT: Record<string, string> = {
  allowed: 'Allowed',
  blocked: 'Denied',
  'mfa-required': 'MFA required',
};
