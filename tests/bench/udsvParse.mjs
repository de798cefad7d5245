// uDSV reading and parsing a CSV file in a process of its own, as the bench's peer for
// `whatif --batch`: the same conditions (a fresh node, the file read from disk, every record
// parsed), so the ratio compares the work and not the state of the bench's own heap.
// It prints the milliseconds from reading to parsed, without starting node: uDSV's own time.
import { readFileSync } from 'node:fs';
import { inferSchema, initParser } from 'udsv';

const start = performance.now();
const text = readFileSync(process.argv[2], 'utf8');
const schema = inferSchema(text);
const rows = initParser(schema).stringArrs(text);
const ms = performance.now() - start;
process.stdout.write(`${rows.length} ${ms}\n`);
