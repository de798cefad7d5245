// The compare view as a Mermaid flowchart for wikis that refuse iframes: per org policy state,
// each lane's actor with its IP, the request line labelled with the credential and the IP, and
// the answer. Labels go through escapeMermaid, so nothing breaks out of its quotes.
import type { Decision, Flow } from '../engine/types';

/** What it needs of model/content/compare.ts's Comparison (share may not import content). */
export interface MermaidComparison {
  policyOn: boolean;
  lanes: {
    side: 'inside' | 'outside';
    actor: { label: string; ip: string };
    play: { request: { flow: Flow } };
    decision: Pick<Decision, 'outcome'>;
    result: string;
    check: string;
  }[];
}
import { escapeMermaid } from './mermaidEscape';

const FLOW_WORD = { pat: 'PAT', ssh: 'SSH key', web: 'browser sign-in', oauth: 'OAuth' } as const;

export function compareMermaid(title: string, comparisons: MermaidComparison[]): string {
  const out = ['graph LR', `  %% ${title.replace(/[^\p{L}\p{N} ,.:'()/·-]/gu, ' ')}`];
  comparisons.forEach((c, k) => {
    const policy = `Org policy ${c.policyOn ? 'on' : 'off'}`;
    out.push(`  subgraph P${k}["${escapeMermaid(policy)}"]`);
    c.lanes.forEach((lane, i) => {
      const n = `${k}_${i}`;
      const flow = FLOW_WORD[lane.play.request.flow];
      const where = lane.side === 'inside' ? 'inside the trusted ranges' : 'outside';
      out.push(
        `    A${n}["${escapeMermaid(`${lane.actor.label} (${where}) ${lane.actor.ip}`)}"]`,
        `    R${n}["${escapeMermaid(`${lane.result}: ${lane.check}`)}"]`,
        `    A${n} -->|"${escapeMermaid(`${flow} from ${lane.actor.ip}`)}"| R${n}`,
        `    class R${n} ${lane.decision.outcome === 'allowed' ? 'ok' : 'bad'}`,
      );
    });
    out.push('  end');
  });
  out.push(
    '  classDef ok fill:#e3f4e8,stroke:#17753a,color:#0f3d20',
    '  classDef bad fill:#fde7e5,stroke:#b42318,color:#5c120c',
  );
  return out.join('\n');
}
