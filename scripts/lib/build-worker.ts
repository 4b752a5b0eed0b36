/**
 * Handler module of the data build for the parallel CSV pool: in a worker thread, turns one block of an export
 * into packed observations (validated rows with their z-scores) plus problem counts. Personal data never leaves
 * the worker: the result holds hashed child keys, ages in days, z-scores and counts only.
 */
import type { BlockContext } from './parallel-csv.ts';
import { parseBlock } from './parallel-csv.ts';
import { readWhoTables } from './who-files.ts';
import { createRowValidator } from '../../src/lib/csv/rows.ts';
import { createAreaMatcher, type UnmatchedArea } from '../../src/lib/csv/names.ts';
import type { Columns } from '../../src/lib/csv/headers.ts';
import { parseDate } from '../../src/lib/csv/values.ts';
import type { DateOrderOption, DecimalOption } from '../../src/lib/csv/values.ts';
import { computeZScores } from '../../src/lib/who/zscore.ts';
import type { WhoTables } from '../../src/lib/who/tables.ts';
import { RECORD_INTS, packObservation, periodIndex } from '../../src/lib/aggregate/record.ts';
import { fnv1a64 } from '../../src/lib/csv/rows.ts';
import type { Area, Observation, RowProblem } from '../../src/lib/types.ts';

/** Data given to every worker of one file. */
export interface BuildWorkerData {
  file: string;
  /** File name as shown in messages (relative to the data folder). */
  displayName: string;
  fileIndex: number;
  columns: Columns;
  options: { decimal: DecimalOption; dateOrder: DateOrderOption };
  referenceDay: string;
  /** Registry areas (region, kecamatan, desa) for matching names. */
  areas: Area[];
  /** Desa codes in index order (the count table's area indexes for desa). */
  areaIndex: Record<string, number>;
  /** Published period indexes (months since 1900-01). */
  periods: number[];
  keySalt: string;
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
let validator: ReturnType<typeof createRowValidator>;
let matcher: ReturnType<typeof createAreaMatcher>;
let periodSet: Set<number>;
const EXAMPLES_PER_REASON = 5;

/** Loads the WHO tables and builds the validator once per worker. */
export function init(d: BuildWorkerData): void {
  data = d;
  tables = readWhoTables();
  matcher = createAreaMatcher(d.areas);
  validator = createRowValidator({
    columns: d.columns,
    options: d.options,
    matcher,
    referenceDay: d.referenceDay,
    file: d.displayName,
    keySalt: d.keySalt,
  });
  periodSet = new Set(d.periods);
}

const tenthsDigit = (v: number | null) => (v === null ? null : Math.round(v * 10) % 10);

/** Validates, scores and packs every row of the block. */
export function processBlock(block: Buffer, firstLine: number, _header: string[], ctx: BlockContext): BuildBlockResult {
  const parsed = parseBlock(block, firstLine, ctx);
  const n = parsed.rows.length;
  const records = new Int32Array(n * RECORD_INTS);
  let count = 0;
  let outsideRounds = 0;
  const rejected: Record<string, number> = {};
  const examples: RowProblem[] = [];
  const exampleCount: Record<string, number> = {};
  const areaRejects: string[] = [];
  const ix = data.columns.index;
  let rowsRead = 0;
  for (let r = 0; r < n; r++) {
    const fields = parsed.rows[r];
    const line = parsed.lines[r];
    // A line of blanks or of delimiters only (Excel's empty rows ",,,,,") is not a row: neither read nor rejected.
    if (fields.every((f) => f.trim() === '')) continue;
    rowsRead++;
    const res = validator.validate(fields, line);
    if (!res.ok) {
      const reason = res.problems[0].reason;
      rejected[reason] = (rejected[reason] ?? 0) + 1;
      for (const p of res.problems) {
        const c = exampleCount[p.reason] ?? 0;
        if (c < EXAMPLES_PER_REASON) {
          examples.push(p);
          exampleCount[p.reason] = c + 1;
        }
      }
      // Attribute the rejection to an area and period when both can still be read, for the quality report.
      const desaName = ix.desa_name !== undefined ? fields[ix.desa_name] : undefined;
      const desaCode = ix.desa_code !== undefined ? fields[ix.desa_code] : undefined;
      const kecName = ix.kecamatan_name !== undefined ? fields[ix.kecamatan_name] : undefined;
      const m = matcherQuiet({ desaName, desaCode, kecamatanName: kecName });
      const dt = ix.measure_date !== undefined ? parseDate(fields[ix.measure_date] ?? '', data.options.dateOrder) : null;
      if (dt && dt.ok && dt.value) {
        const p = periodIndex(dt.value.iso.slice(0, 7));
        // A row of an unknown area still counts against the whole region's data quality (area index 0 is the
        // kabupaten: areas are sorted by code).
        if (periodSet.has(p)) areaRejects.push(`${m !== null ? data.areaIndex[m] : 0}|${p}|${reason}`);
      }
      continue;
    }
    const me = res.m;
    const p = periodIndex(me.measureDate.slice(0, 7));
    if (!periodSet.has(p)) {
      outsideRounds++;
      continue;
    }
    const z = computeZScores(
      { sex: me.sex, ageDays: me.ageDays, weightKg: me.weightKg, lengthHeightCm: me.lengthHeightCm, position: me.position, oedema: me.oedema },
      tables,
    );
    const obs: Observation = {
      period: '',
      areaCode: me.areaCode,
      childKey: me.childKey || fnv1a64(`row:${data.fileIndex}:${line}`),
      measureDay: dayOf(me.measureDate),
      fileIndex: data.fileIndex,
      line,
      sex: me.sex,
      ageDays: me.ageDays,
      position: me.position,
      zlen: z.zlen,
      flen: z.flen,
      zwei: z.zwei,
      fwei: z.fwei,
      zwfl: z.zwfl,
      fwfl: z.fwfl,
      zbmi: z.zbmi,
      fbmi: z.fbmi,
      weightDigit: tenthsDigit(me.weightKg),
      heightDigit: tenthsDigit(me.lengthHeightCm),
      weightMissing: me.weightKg === null,
      heightMissing: me.lengthHeightCm === null,
    };
    packObservation(records, count++, obs, data.areaIndex[me.areaCode], p);
  }
  return {
    records: records.subarray(0, count * RECORD_INTS).slice(),
    count,
    rowsRead,
    rejected,
    examples,
    areaRejects,
    outsideRounds,
    unmatched: unmatchedSinceLastBlock(),
  };
}

// The matcher's list is cumulative per worker; report each block's increase only, so the main thread can sum.
const reported = new Map<string, number>();
function unmatchedSinceLastBlock(): UnmatchedArea[] {
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
  quiet ??= createAreaMatcher(data.areas);
  const m = quiet.match(q, '', 0);
  return m.ok && data.areaIndex[m.code] !== undefined ? m.code : null;
}

function dayOf(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000);
}
