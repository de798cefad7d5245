// Reads a CSV log of any known kind. Records are read in place (CsvCursor), so only the columns
// used are sliced: a million-row export costs what its few useful columns cost.
import type { ImportResult } from '../../graph/importResult';
import { CsvCursor, detectSeparator } from '../csvCursor';
import type { SigninImport } from '../signinRows';
import { detectKind } from './detectKind';
import { FIELD_NUMBER } from './logKinds';
import { RowMapper, emptyCells } from './rowMapper';

/**
 * `records`: read only the records of the text after its header from `start` (a record boundary)
 * through the first record that ends at or after `end`: a slice of a large file read where it
 * lies, not copied out with the header. The result's `span` says where that read stopped.
 */
export function readCsvLog(
  text: string,
  records?: { start: number; end: number },
  separator = detectSeparator(text),
): ImportResult<SigninImport> {
  const fail = (error: string): ImportResult<SigninImport> => ({ ok: false, error, warnings: [] });
  // The separator is sniffed from the header line (or given, by a reader of slices that sniffed
  // it once) and handed to the reader.
  const csv = new CsvCursor(text, separator);
  // A CSV error anywhere in the file comes before complaints about its header, as with parseCsv.
  const failHeader = (error: string) => {
    while (csv.next());
    return fail(csv.error ?? error);
  };
  const header = csv.next() ? csv.fields() : undefined;
  if (!header || header.every((h) => h.trim() === '')) {
    return failHeader(
      'The sign-in file is empty: expected a header row with an "IP address" column.',
    );
  }
  const detected = detectKind(header);
  if ('error' in detected) return failHeader(detected.error);
  const map = new RowMapper(detected.spec, 'csv', header, detected.used);
  // Each used column's cell, into its field's place: the same array for every record.
  const fields = [...detected.used].map(([f]) => FIELD_NUMBER[f]);
  const cols = [...detected.used.values()];
  const cells = emptyCells();
  const end = records?.end ?? Infinity;
  const firstLine = csv.atLine;
  if (records) csv.skipTo(records.start);
  while (csv.at < end && csv.next()) {
    if (csv.isBlank()) continue;
    for (let k = 0; k < cols.length; k++) cells[fields[k]!] = csv.cell(cols[k]);
    map.add(cells, csv.records);
  }
  if (csv.error !== undefined) return fail(csv.error);
  const value: SigninImport = {
    rows: map.rows,
    problems: map.problems,
    log: map.info,
    reads: map.reads(),
  };
  // The header is the cursor's first record.
  if (records)
    value.span = { end: csv.at, records: csv.records - 1, lines: csv.atLine - firstLine };
  return {
    ok: true,
    value,
    warnings: map.rows.length === 0 ? ['The sign-in file has a header but no data rows.'] : [],
  };
}
