/**
 * WHO Child Growth Standards LMS tables (WHO 2006, as shipped by WHO's anthro package), parsed from their
 * tab-separated text into flat typed arrays for fast lookup by sex and age in days or length in 0.1 cm.
 */

/** L, M, S parameters of one reference row. */
export interface Lms {
  l: number;
  m: number;
  s: number;
}

/** One LMS table, indexed by sex (1/2) and an integer key: age in days, or length/height in tenths of a cm. */
export interface LmsTable {
  /** Smallest and largest key present (inclusive), same for both sexes. */
  minKey: number;
  maxKey: number;
  /** 'age' tables are keyed by whole days; 'length' tables by round(cm * 10). */
  keyKind: 'age' | 'length';
  /** L, M, S for key k of sex s at index ((s - 1) * size + (k - minKey)) * 3. NaN where absent. */
  values: Float64Array;
  size: number;
}

/** The five tables used for the published indicators. */
export interface WhoTables {
  /** Length/height-for-age (lenanthro). */
  len: LmsTable;
  /** Weight-for-age (weianthro). */
  wei: LmsTable;
  /** Weight-for-length, 45-110 cm (wflanthro). */
  wfl: LmsTable;
  /** Weight-for-height, 65-120 cm (wfhanthro). */
  wfh: LmsTable;
  /** BMI-for-age (bmianthro). */
  bmi: LmsTable;
}

/** Parses one anthro growth-standard text file (header `sex <age|length|height> l m s ...`). */
export function parseLmsTable(text: string): LmsTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
  const iSex = header.indexOf('sex');
  const keyName = header.find((h) => h === 'age' || h === 'length' || h === 'height');
  if (iSex < 0 || !keyName) throw new Error(`not an anthro LMS table: header "${lines[0]}"`);
  const iKey = header.indexOf(keyName);
  const iL = header.indexOf('l');
  const iM = header.indexOf('m');
  const iS = header.indexOf('s');
  const keyKind = keyName === 'age' ? 'age' : 'length';
  const rows: [number, number, number, number, number][] = [];
  let minKey = Infinity;
  let maxKey = -Infinity;
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    const sex = Number(f[iSex]);
    const rawKey = Number(f[iKey]);
    const key = keyKind === 'age' ? rawKey : Math.round(rawKey * 10);
    rows.push([sex, key, Number(f[iL]), Number(f[iM]), Number(f[iS])]);
    if (key < minKey) minKey = key;
    if (key > maxKey) maxKey = key;
  }
  const size = maxKey - minKey + 1;
  const values = new Float64Array(size * 2 * 3).fill(NaN);
  for (const [sex, key, l, m, s] of rows) {
    if (sex !== 1 && sex !== 2) continue;
    const o = ((sex - 1) * size + (key - minKey)) * 3;
    values[o] = l;
    values[o + 1] = m;
    values[o + 2] = s;
  }
  return { minKey, maxKey, keyKind, values, size };
}

/** Returns the LMS row for sex and integer key, or null when outside the table. */
export function lmsAt(table: LmsTable, sex: 1 | 2, key: number): Lms | null {
  if (key < table.minKey || key > table.maxKey || !Number.isInteger(key)) return null;
  const o = ((sex - 1) * table.size + (key - table.minKey)) * 3;
  const l = table.values[o];
  if (Number.isNaN(l)) return null;
  return { l, m: table.values[o + 1], s: table.values[o + 2] };
}

/** Builds the tables from the text of lenanthro, weianthro, wflanthro, wfhanthro and bmianthro. */
export function loadWhoTables(texts: { len: string; wei: string; wfl: string; wfh: string; bmi: string }): WhoTables {
  return {
    len: parseLmsTable(texts.len),
    wei: parseLmsTable(texts.wei),
    wfl: parseLmsTable(texts.wfl),
    wfh: parseLmsTable(texts.wfh),
    bmi: parseLmsTable(texts.bmi),
  };
}
