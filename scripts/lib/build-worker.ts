/**
 * Handler module of the data build for the parallel CSV pool (one pool serves every file of a build): in a worker
 * thread, turns one block of an export into packed observations (validated rows with their z-scores) plus problem
 * counts. Personal data never leaves the worker: the result holds hashed child keys, ages in days, z-scores and
 * counts only.
 */
import type { BlockContext } from './parallel-csv.ts';
import { eachRow } from '../../src/lib/csv/block-rows.ts';
import { readWhoTables } from './who-files.ts';
import { createRowValidator } from '../../src/lib/csv/rows.ts';
import { createAreaMatcher, type AreaAlias, type UnmatchedArea } from '../../src/lib/csv/names.ts';
import type { Columns } from '../../src/lib/csv/headers.ts';
import { isoDayNumber, parseDate } from '../../src/lib/csv/values.ts';
import type { DateOrderOption, DecimalOption } from '../../src/lib/csv/values.ts';
import { computeZScores } from '../../src/lib/who/zscore.ts';
import type { WhoTables } from '../../src/lib/who/tables.ts';
import { RECORD_INTS, packObservation, periodIndex } from '../../src/lib/aggregate/record.ts';
import { fnv1a64 } from '../../src/lib/csv/child-key.ts';
import type { Area, Measurement, Observation, RowProblem, ZScores } from '../../src/lib/types.ts';
import { PartitionCounter, type CountShape, type PartitionCounts } from './spill.ts';

/** Data given to every worker once per build (the pool's `init`). */
export interface BuildWorkerData {
  referenceDay: string;
  /** Registry areas (region, kecamatan, desa) for matching names. */
  areas: Area[];
  /** Older names of renamed areas (previous code-list edition), accepted when matching names. */
  aliases: AreaAlias[];
  /** Desa codes in index order (the count table's area indexes for desa). */
  areaIndex: Record<string, number>;
  keySalt: string;
}

/** Data given to every worker once per measurement file (the pool's `openFile`). */
export interface BuildFileData {
  file: string;
  /** File name as shown in messages (relative to the data folder). */
  displayName: string;
  fileIndex: number;
  columns: Columns;
  options: { decimal: DecimalOption; dateOrder: DateOrderOption };
  /** Published period indexes (months since 1900-01). */
  periods: number[];
}

/** A worker's state for one file: its validator and area matcher (unmatched names are counted per file). */
export interface BuildFileState {
  file: BuildFileData;
  validator: ReturnType<typeof createRowValidator>;
  matcher: ReturnType<typeof createAreaMatcher>;
  periodSet: Set<number>;
  /** Unmatched counts already reported, by key (the matcher's list is cumulative). */
  reported: Map<string, number>;
}

/** What one block yields. */
export interface BuildBlockResult {
  records: Int32Array;
  count: number;
  rowsRead: number;
  rejected: Record<string, number>;
  examples: RowProblem[];
  /** Rejected rows whose area and period are known: [areaIndex, periodIndex, reason] flattened, for the quality report. */
  areaRejects: string[];
  outsideRounds: number;
  unmatched: UnmatchedArea[];
}

let tables: WhoTables;
let data: BuildWorkerData;
const EXAMPLES_PER_REASON = 5;

/** Loads the WHO tables once per worker. */
export function init(d: BuildWorkerData): void {
  data = d;
  tables = readWhoTables();
}

/** Builds the validator and the area matcher of one file. */
export function openFile(f: BuildFileData): BuildFileState {
  const matcher = createAreaMatcher(data.areas, data.aliases);
  const validator = createRowValidator({
    columns: f.columns,
    options: f.options,
    matcher,
    referenceDay: data.referenceDay,
    file: f.displayName,
    keySalt: data.keySalt,
  });
  return { file: f, validator, matcher, periodSet: new Set(f.periods), reported: new Map() };
}

const tenthsDigit = (v: number | null) => (v === null ? null : Math.round(v * 10) % 10);

/** Packed records of the current block; grown when a block has more rows, reused for every block. */
let scratch = new Int32Array(4096 * RECORD_INTS);
/** The observation of the current row (filled in turn, never kept). */
const obs: Observation = {
  period: '',
  areaCode: '',
  childKey: '',
  measureDay: 0,
  fileIndex: 0,
  line: 0,
  sex: 1,
  ageDays: 0,
  position: null,
  zlen: null,
  flen: null,
  zwei: null,
  fwei: null,
  zwfl: null,
  fwfl: null,
  zbmi: null,
  fbmi: null,
  weightDigit: null,
  heightDigit: null,
  weightMissing: false,
  heightMissing: false,
  oedema: false,
};

/** True for a line of blanks or of delimiters only (Excel's empty rows ",,,,,"). */
function allBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

/** Validates, scores and packs every row of the block (row by row: a row is garbage once it is packed). */
export function processBlock(block: Buffer, firstLine: number, _header: string[], ctx: BlockContext<BuildFileState>): BuildBlockResult {
  const st = ctx.state!;
  const t: BlockTally = { count: 0, rowsRead: 0, outsideRounds: 0, rejected: {}, examples: [], exampleCount: {}, areaRejects: [] };
  eachRow(block, firstLine, ctx, (fields, line) => {
    // A line of blanks or of delimiters only is not a row: neither read nor rejected.
    if (allBlank(fields)) return;
    t.rowsRead++;
    const res = st.validator.validate(fields, line);
    if (res.ok) acceptRow(t, st, res.m, line);
    else rejectRow(t, st, fields, res.problems);
  });
  return {
    records: scratch.slice(0, t.count * RECORD_INTS),
    count: t.count,
    rowsRead: t.rowsRead,
    rejected: t.rejected,
    examples: t.examples,
    areaRejects: t.areaRejects,
    outsideRounds: t.outsideRounds,
    unmatched: unmatchedSinceLastBlock(st),
  };
}

/** What processBlock has counted so far in its block (packed records are in `scratch`). */
interface BlockTally {
  count: number;
  rowsRead: number;
  outsideRounds: number;
  rejected: Record<string, number>;
  examples: RowProblem[];
  exampleCount: Record<string, number>;
  areaRejects: string[];
}

/** Counts a rejected row by its first problem, keeps the first few problems of each reason as examples, and
 * attributes the rejection to an area and period when both can still be read, for the quality report. */
function rejectRow(t: BlockTally, st: BuildFileState, fields: string[], problems: RowProblem[]): void {
  const reason = problems[0].reason;
  t.rejected[reason] = (t.rejected[reason] ?? 0) + 1;
  for (const p of problems) {
    const c = t.exampleCount[p.reason] ?? 0;
    if (c < EXAMPLES_PER_REASON) {
      t.examples.push(p);
      t.exampleCount[p.reason] = c + 1;
    }
  }
  const f = st.file;
  const ix = f.columns.index;
  const desaName = ix.desa_name !== undefined ? fields[ix.desa_name] : undefined;
  const desaCode = ix.desa_code !== undefined ? fields[ix.desa_code] : undefined;
  const kecName = ix.kecamatan_name !== undefined ? fields[ix.kecamatan_name] : undefined;
  const m = matcherQuiet({ desaName, desaCode, kecamatanName: kecName });
  const dt = ix.measure_date !== undefined ? parseDate(fields[ix.measure_date] ?? '', f.options.dateOrder) : null;
  if (dt && dt.ok && dt.value) {
    const p = periodIndex(dt.value.iso.slice(0, 7));
    // A row of an unknown area still counts against the whole region's data quality (area index 0 is the
    // kabupaten: areas are sorted by code).
    if (st.periodSet.has(p)) t.areaRejects.push(`${m !== null ? data.areaIndex[m] : 0}|${p}|${reason}`);
  }
}

/** Scores a valid row of a published period and packs it into `scratch` (grown when full); counts a row of
 * another period. */
function acceptRow(t: BlockTally, st: BuildFileState, me: Measurement, line: number): void {
  const p = periodIndex(me.measureDate.slice(0, 7));
  if (!st.periodSet.has(p)) {
    t.outsideRounds++;
    return;
  }
  // A Measurement is a ZScoreInput (same field names): no copy.
  fillObservation(me, computeZScores(me, tables), st.file.fileIndex, line);
  if ((t.count + 1) * RECORD_INTS > scratch.length) {
    const bigger = new Int32Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  packObservation(scratch, t.count++, obs, data.areaIndex[me.areaCode], p);
}

/** Fills the shared `obs` with the row's measurement and scores (no identity, no dates of birth). */
function fillObservation(me: Measurement, z: ZScores, fileIndex: number, line: number): void {
  obs.areaCode = me.areaCode;
  obs.childKey = me.childKey || fnv1a64(`row:${fileIndex}:${line}`);
  obs.measureDay = isoDayNumber(me.measureDate);
  obs.fileIndex = fileIndex;
  obs.line = line;
  obs.sex = me.sex;
  obs.ageDays = me.ageDays;
  obs.position = me.position;
  obs.zlen = z.zlen;
  obs.flen = z.flen;
  obs.zwei = z.zwei;
  obs.fwei = z.fwei;
  obs.zwfl = z.zwfl;
  obs.fwfl = z.fwfl;
  obs.zbmi = z.zbmi;
  obs.fbmi = z.fbmi;
  obs.weightDigit = tenthsDigit(me.weightKg);
  obs.heightDigit = tenthsDigit(me.lengthHeightCm);
  obs.weightMissing = me.weightKg === null;
  obs.heightMissing = me.lengthHeightCm === null;
  obs.oedema = me.oedema;
}

// The matcher's list is cumulative per worker and file; report each block's increase only, so the main thread can sum.
function unmatchedSinceLastBlock(st: BuildFileState): UnmatchedArea[] {
  const { matcher, reported } = st;
  const out: UnmatchedArea[] = [];
  for (const u of matcher.unmatched()) {
    const key = `${u.kecamatan}|${u.desa}|${u.code ?? ''}`;
    const before = reported.get(key) ?? 0;
    if (u.count > before) out.push({ ...u, count: u.count - before });
    reported.set(key, u.count);
  }
  return out;
}

/** Transfers the records' buffer instead of copying it. */
export function transferList(r: BuildBlockResult): Transferable[] {
  return [r.records.buffer as ArrayBuffer];
}

// A second matcher whose unmatched list is thrown away: rejected rows are already reported by the validator.
let quiet: ReturnType<typeof createAreaMatcher> | null = null;
function matcherQuiet(q: { desaName?: string; desaCode?: string; kecamatanName?: string }): string | null {
  quiet ??= createAreaMatcher(data.areas, data.aliases);
  const m = quiet.match(q, '', 0);
  return m.ok && data.areaIndex[m.code] !== undefined ? m.code : null;
}

// Deduplication and counts of the spill partitions (after the files; see spill.ts and build.ts).
let counter: PartitionCounter | null = null;

/** Starts empty counts in this worker. */
export function countBegin(shape: CountShape): void {
  counter = new PartitionCounter(shape);
}

/** Deduplicates and counts one spill partition (the file is removed). */
export function countPartition(path: string): void {
  counter!.addPartition(path);
}

/** This worker's sums over the partitions it took. */
export function countResult(): PartitionCounts {
  const r = counter!.result();
  counter = null;
  return r;
}
