/**
 * `npm run --silent zscores -- INPUT.csv > OUTPUT.csv`: WHO anthro-compatible z-scores for every row of a CSV.
 * Reads the input (plain or gzip) in worker threads with scripts/lib/parallel-csv.ts and writes the rows, in input
 * order, to stdout with backpressure. Run with --help for the format.
 */
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { CsvBlockError, parallelCsv, type CsvFileInfo } from './lib/parallel-csv.ts';
import {
  csvField,
  indexColumns,
  INPUT_COLUMNS,
  OUTPUT_COLUMNS,
  REQUIRED_COLUMNS,
  type BadCells,
  type ZBlockResult,
} from './lib/zscores-worker.ts';

const HELP = `Usage: npm run --silent zscores -- [options] INPUT.csv[.gz] > OUTPUT.csv

Computes WHO Child Growth Standards z-scores (as WHO's R package anthro does) for every row of INPUT.

Input: a CSV file (comma, semicolon or tab delimited, detected from the header; may be gzip-compressed) with a
header row holding these columns (names are case-insensitive, in any order, other columns are passed through):
  sex           1 or m = male, 2 or f = female
  dob           date of birth, YYYY-MM-DD
  measure_date  date of measurement, YYYY-MM-DD
  weight_kg     weight in kg (12.5 or 12,5)
  lenhei_cm     length or height in cm
  measure       L = lying (length), H = standing (height); l/h too
  oedema        y or n (optional column; missing = n)
An empty cell means missing: the scores that need it are left empty.

Output (stdout, comma-delimited, UTF-8): every input column, then
  age_days, clenhei, zlen, flen, zwei, fwei, zwfl, fwfl, zbmi, fbmi
(age in whole days, length/height corrected for position, z-scores rounded to 2 decimals and WHO flags for
length/height-for-age, weight-for-age, weight-for-length/height and BMI-for-age); empty where not computable.
Unreadable cells are counted and reported on stderr; they are treated as missing.

Options:
  --workers N      worker threads (default: available cores, ${availableParallelism()} here)
  --block-size MB  size of the blocks handed to workers (default 1)
  --no-fast-path   always parse with csv-parse (the default splits quote-free blocks directly; same result)
  -h, --help       this text

Exit status: 0 ok, 1 unreadable CSV (file:line:column on stderr), 2 usage error or missing column.
`;

/** Thrown for usage and header problems (exit status 2). */
class UsageError extends Error {}

interface Args {
  file: string;
  workers?: number;
  blockSize?: number;
  fastPath: boolean;
}

function parseArgs(argv: string[]): Args | null {
  let file: string | undefined;
  let workers: number | undefined;
  let blockSize: number | undefined;
  let fastPath = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return null;
    else if (a === '--workers') workers = positive(a, argv[++i]);
    else if (a === '--block-size') blockSize = Math.round(positive(a, argv[++i], true) * (1 << 20));
    else if (a === '--no-fast-path') fastPath = false;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (see --help)`);
    else if (file !== undefined) throw new UsageError(`one input file expected, got ${file} and ${a}`);
    else file = a;
  }
  if (file === undefined) throw new UsageError('no input file (see --help)');
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  return { file, workers, blockSize, fastPath };
}

function positive(name: string, v: string | undefined, fractional = false): number {
  const n = Number(v);
  if (!(n > 0) || (!fractional && !Number.isInteger(n))) throw new UsageError(`${name} needs a positive number`);
  return n;
}

/** Checks the header; throws a UsageError `file:1:col: ...` naming the expected columns. */
function checkHeader(info: CsvFileInfo): void {
  const idx = indexColumns(info.header);
  const missing = REQUIRED_COLUMNS.filter((c) => idx[c] < 0);
  if (missing.length === 0) return;
  const found = info.header.length ? info.header.map((h) => JSON.stringify(h)).join(', ') : '(empty file)';
  throw new UsageError(
    `${info.file}:1:${info.header.length + 1}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
      `expected a header with ${REQUIRED_COLUMNS.join(', ')} (and optionally oedema), ` +
      `delimiter ${JSON.stringify(info.delimiter)}; found ${found}`,
  );
}

async function write(out: NodeJS.WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function main(): Promise<number> {
  let args: Args | null;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`zscores: ${e.message}\n`);
    return 2;
  }
  if (args === null) {
    process.stdout.write(HELP);
    return 0;
  }
  const out = process.stdout;
  let header: string[] = [];
  const bad: BadCells = {};
  let rows = 0;
  try {
    const blocks = parallelCsv<ZBlockResult>({
      file: args.file,
      handler: fileURLToPath(new URL('./lib/zscores-worker.ts', import.meta.url)),
      handlerData: { fastPath: args.fastPath },
      workers: args.workers,
      blockSize: args.blockSize,
      onHeader: (info) => {
        checkHeader(info);
        header = info.header;
      },
    });
    let wroteHeader = false;
    for await (const b of blocks) {
      if (!wroteHeader) {
        await write(out, header.map(csvField).concat(OUTPUT_COLUMNS).join(',') + '\n');
        wroteHeader = true;
      }
      rows += b.result.rows;
      for (const [k, v] of Object.entries(b.result.bad)) {
        const t = (bad[k] ??= { n: 0, line: v.line, raw: v.raw });
        t.n += v.n;
      }
      await write(out, b.result.bytes);
    }
    if (!wroteHeader && header.length) await write(out, header.map(csvField).concat(OUTPUT_COLUMNS).join(',') + '\n');
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`zscores: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CsvBlockError) {
      process.stderr.write(`zscores: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  for (const c of INPUT_COLUMNS) {
    const b = bad[c];
    if (b) {
      process.stderr.write(
        `zscores: warning: ${b.n} unreadable ${c} cell${b.n > 1 ? 's' : ''} treated as missing ` +
          `(first: ${args.file}:${b.line}: ${JSON.stringify(b.raw)})\n`,
      );
    }
  }
  if (process.env.ZSCORES_STATS) process.stderr.write(`zscores: ${rows} rows\n`);
  return 0;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // reader went away (| head)
  throw e;
});

process.exitCode = await main();
