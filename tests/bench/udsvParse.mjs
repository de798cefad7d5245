// uDSV reading and parsing a CSV file in a process of its own, as the bench's peer for
// `whatif --batch`: the same conditions (a fresh node, the file read from disk, every record
// parsed), so the ratio compares the work and not the state of the bench's own heap.
import { readFileSync } from 'node:fs';
import { inferSchema, initParser } from 'udsv';

const text = readFileSync(process.argv[2], 'utf8');
const schema = inferSchema(text);
const rows = initParser(schema).stringArrs(text);
process.stdout.write(`${rows.length}\n`);
