// What each rule status means, in the reader's words, for the rules page and its legend. (The
// badge keeps its own short flags: the first page should not carry these sentences.)
import type { RuleStatus } from '../../model/engine/types';

export const STATUS_TEXT: Record<RuleStatus, { label: string; flag: string; meaning: string }> = {
  documented: {
    label: 'Documented',
    flag: '✓ documented',
    meaning: "Microsoft's own documentation says it.",
  },
  article: {
    label: 'Article claim',
    flag: '⚑ article claim',
    meaning: "The source article says it; Microsoft's documentation is silent.",
  },
  observed: {
    label: 'Observed',
    flag: '◉ observed',
    meaning:
      'Microsoft does not document it, but real responses or several independent public reports show it.',
  },
  assumption: {
    label: 'Assumption',
    flag: '⚠ assumption',
    meaning:
      'Nobody documents it: PAT Fence picks a default, and the what-if lab lets you switch it.',
  },
};
