// The switchable assumptions in plain sentences, for people rather than the command line: the
// engine's texts name a switch as `name=value` (the CLI's spelling); learners read this instead.
import type { AssumptionName, Assumptions } from './types';

type Sentences = { [N in AssumptionName]: Record<Assumptions[N], string> };

export const ASSUMPTION_SENTENCES: Readonly<Sentences> = {
  'existing-pats': {
    exempt:
      'PATs made before the org policy went on keep working from anywhere (as the article says)',
    enforced: 'PATs made before the org policy went on are checked like any other',
  },
  'mfa-only-policy-on-pat': {
    ignored: 'a policy with no location is not evaluated for a PAT',
    blocked: 'a policy with no location blocks a PAT (as a 2019 whitepaper said)',
  },
  'device-policy-on-pat': {
    ignored: 'a device policy is not evaluated for a PAT',
    blocked: 'a device policy blocks a PAT, which cannot show a device',
  },
  'ipv4-mapped': {
    distinct: 'an IPv4-mapped IPv6 address (::ffff:a.b.c.d) does not match IPv4 ranges',
    equivalent: 'an IPv4-mapped IPv6 address (::ffff:a.b.c.d) also matches IPv4 ranges',
  },
};

const SWITCH = new RegExp(`\\b(${Object.keys(ASSUMPTION_SENTENCES).join('|')})=([a-z]+)\\b`, 'g');

/** `text` with every `name=value` switch written as its sentence ("we assume …"). */
export function plainAssumptions(text: string): string {
  return text.replace(SWITCH, (whole, name: AssumptionName, value: string) => {
    const sentence = (ASSUMPTION_SENTENCES[name] as Record<string, string>)[value];
    return sentence ? `the simulation assumes ${sentence}` : whole;
  });
}
