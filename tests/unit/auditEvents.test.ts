// What an audit export's own events tell R12: the creation date of each PAT its rows use
// (Token.PatCreateEvent) and the org policy's switch. The sentence the lab and the command line
// show counts the PATs the log uses that got a date, never the creation rows alone: a PAT created
// in the export but never used in it dates nothing.
import { describe, expect, it } from 'vitest';
import {
  emptyAuditEvents,
  mergeAuditEvents,
  noteAuditEvent,
  patDatesNote,
  type AuditEvents,
} from '../../src/model/impact/logs/auditEvents';

const AT = '2025-10-01T00:00:00.000Z';
const create = (e: AuditEvents, id?: string) =>
  noteAuditEvent(
    e,
    'Token.PatCreateEvent',
    JSON.stringify(id === undefined ? { DisplayName: 'ci' } : { AuthorizationId: id }),
    2,
    AT,
  );
function events(created: (string | undefined)[], used: string[]): AuditEvents {
  const e = emptyAuditEvents();
  for (const id of created) create(e, id);
  for (const id of used) e.patsUsed[id] = true;
  return e;
}

describe('patDatesNote', () => {
  it.each<[string, (string | undefined)[], string[], string | undefined]>([
    ['no creation rows and no PAT use', [], [], undefined],
    [
      'PATs used, none created here',
      [],
      ['a', 'b'],
      'No Token.PatCreateEvent rows: none of the 2 PATs this log uses has a creation date here, so R12 reads them as undated (the range covers both readings).',
    ],
    [
      'every PAT used is dated',
      ['a', 'b'],
      ['a', 'b'],
      'PAT creation dates (R12): 2 Token.PatCreateEvent rows date 2 of the 2 PATs this log uses.',
    ],
    [
      'a creation for a PAT never used dates nothing',
      ['a', 'z'],
      ['a', 'b', 'c'],
      'PAT creation dates (R12): 2 Token.PatCreateEvent rows date 1 of the 3 PATs this log uses; the other 2 are read as undated.',
    ],
    [
      'a creation row without an AuthorizationId is counted, never linked',
      ['A', undefined],
      ['a', 'b'],
      'PAT creation dates (R12): 2 Token.PatCreateEvent rows (1 of them name no AuthorizationId) date 1 of the 2 PATs this log uses; the other 1 is read as undated.',
    ],
    [
      'creation rows, no PAT used',
      ['a'],
      [],
      'PAT creation dates (R12): 1 Token.PatCreateEvent row, but no row of this log uses a PAT.',
    ],
    [
      'one creation row',
      ['a'],
      ['a'],
      'PAT creation dates (R12): 1 Token.PatCreateEvent row dates 1 of the 1 PAT this log uses.',
    ],
  ])('%s', (_, created, used, note) => {
    expect(patDatesNote(events(created, used))).toBe(note);
  });

  it('slices of one file merge their PATs used', () => {
    const a = events(['a'], ['a']);
    mergeAuditEvents(a, events([], ['b']));
    expect(Object.keys(a.patsUsed).sort()).toEqual(['a', 'b']);
    expect(patDatesNote(a)).toContain('dates 1 of the 2 PATs');
  });
});
