/**
 * Header recognition: maps the header row of a measurement export to canonical columns. Knows the e-PPGBM-style
 * Indonesian headers ("Tgl Lahir", "BB", "Desa/Kel" ...) and the documented plain format (`child_id, sex, ...`);
 * the config's `measurements.columns` mapping wins over both.
 */
import type { StructuralError } from '../types.ts';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../config.ts';

/** Column positions (0-based) of the canonical columns found in a header, plus the header itself. */
export interface Columns {
  index: Partial<Record<CanonicalColumn, number>>;
  /** The header cells as read (trimmed), for messages. */
  headers: string[];
}

/** Header cell reduced for comparison: lower case, no BOM, only letters and digits ("Tgl. Lahir" → "tgllahir"). */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Recognised headers per canonical column, already normalised. Exact matches only (never substrings), so that
// e-PPGBM's "BB Lahir" / "TB Lahir" (birth weight/length) or "ZS BB/U" are not taken for the measurement.
const ALIASES: Record<CanonicalColumn, string[]> = {
  child_id: ['childid', 'nik', 'nikanak', 'nikbalita', 'idanak', 'idbalita'],
  name: ['name', 'nama', 'namaanak', 'namabalita'],
  sex: ['sex', 'jk', 'jeniskelamin', 'kelamin', 'lp', 'gender'],
  birth_date: ['birthdate', 'tgllahir', 'tanggallahir', 'tgllhr', 'tanggallahiranak', 'dob'],
  measure_date: [
    'measuredate', 'tanggalpengukuran', 'tglpengukuran', 'tglukur', 'tanggalukur', 'tglpengukur',
    'tanggalpenimbangan', 'tglpenimbangan', 'tglukurterakhir',
  ],
  weight: ['weight', 'weightkg', 'berat', 'beratkg', 'bb', 'bbkg', 'beratbadan', 'beratbadankg'],
  height: [
    'height', 'heightcm', 'lengthheight', 'lengthheightcm', 'tinggi', 'tinggicm', 'tb', 'tbcm', 'pb', 'pbcm',
    'tbpb', 'pbtb', 'tbpbcm', 'pbtbcm', 'tinggibadan', 'tinggibadancm', 'panjangbadan', 'panjangbadancm',
  ],
  position: ['position', 'caraukur', 'posisi', 'posisiukur', 'posisipengukuran'],
  oedema: ['oedema', 'edema', 'edem', 'oedem'],
  desa_code: ['desacode', 'kodedesa', 'kodedesakel', 'kodedesakelurahan', 'kodekelurahan', 'kodekel'],
  desa_name: ['desaname', 'desa', 'desakel', 'desakelurahan', 'kelurahan', 'kel', 'namadesa', 'kelurahandesa'],
  kecamatan_code: ['kecamatancode', 'kodekecamatan', 'kodekec'],
  kecamatan_name: ['kecamatanname', 'kecamatan', 'kec', 'namakecamatan'],
  posyandu: ['posyandu', 'namaposyandu'],
  address: ['address', 'alamat', 'alamatlengkap'],
  parent_name: ['parentname', 'namaortu', 'namaorangtua', 'ortu', 'orangtua'],
};

const ALIAS_TO_COLUMN = new Map<string, CanonicalColumn>();
for (const c of CANONICAL_COLUMNS) for (const a of ALIASES[c]) ALIAS_TO_COLUMN.set(a, c);

const UNUSED = new Set<CanonicalColumn>(['posyandu', 'address', 'parent_name']);

/** Example headers per canonical column, for "expected" in messages. */
function examples(c: CanonicalColumn): string {
  const shown: Partial<Record<CanonicalColumn, string>> = {
    sex: "'JK', 'Jenis Kelamin' or 'sex'",
    birth_date: "'Tgl Lahir', 'Tanggal Lahir' or 'birth_date'",
    measure_date: "'Tanggal Pengukuran', 'Tgl Ukur' or 'measure_date'",
    weight: "'Berat', 'BB' or 'weight_kg'",
    height: "'Tinggi', 'TB', 'PB' or 'height_cm'",
    desa_code: "'Kode Desa' or 'desa_code'",
    desa_name: "'Desa/Kel', 'Desa' or 'Kelurahan'",
    kecamatan_name: "'Kec' or 'Kecamatan'",
  };
  return shown[c] ?? `'${c}'`;
}

/** Resolves the header row (on `line`, 1 unless title rows precede it) to column positions, or returns every
 * structural error found (file, line, column,
 * raw header, what was expected): a mapped header that is absent, duplicate columns, missing required columns. */
export function resolveColumns(
  header: string[],
  mapping: Partial<Record<CanonicalColumn, string>>,
  file: string,
  line = 1,
): { ok: true; columns: Columns } | { ok: false; errors: StructuralError[] } {
  const headers = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const r: Resolution = { headers, norm: headers.map(normaliseHeader), file, line, index: {}, claimed: new Map(), errors: [] };
  claimMapped(r, mapping);
  claimRecognised(r, mapping);
  requireColumns(r);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, columns: { index: r.index, headers } };
}

/** A header row being resolved: its cells (trimmed and normalised), where it is, and what was found so far. */
interface Resolution {
  headers: string[];
  norm: string[];
  file: string;
  line: number;
  index: Partial<Record<CanonicalColumn, number>>;
  /** Which canonical column took each header position. */
  claimed: Map<number, CanonicalColumn>;
  errors: StructuralError[];
}

// 1. The config's explicit mapping wins: exact header text first, then the normalised form.
function claimMapped(r: Resolution, mapping: Partial<Record<CanonicalColumn, string>>): void {
  const { headers, file, line } = r;
  for (const c of CANONICAL_COLUMNS) {
    const want = mapping[c];
    if (want === undefined) continue;
    let i = headers.indexOf(want.trim());
    if (i < 0) i = r.norm.indexOf(normaliseHeader(want));
    if (i < 0) {
      r.errors.push({
        file,
        line,
        raw: want,
        expected: `a header named '${want}' (measurements.columns.${c}); headers found: ${headers.join(' | ')}`,
        message: `Kolom '${want}' dari konfigurasi tidak ada di file / Column '${want}' named in the config (measurements.columns.${c}) is not in the file`,
      });
      continue;
    }
    const other = r.claimed.get(i);
    if (other) {
      r.errors.push({
        file,
        line,
        column: i + 1,
        raw: headers[i],
        expected: `one canonical column per header; '${headers[i]}' is already mapped to ${other}`,
        message: `Kolom '${headers[i]}' dipetakan dua kali (${other}, ${c}) / Column '${headers[i]}' is mapped twice (${other}, ${c})`,
      });
      continue;
    }
    r.index[c] = i;
    r.claimed.set(i, c);
  }
}

// 2. Recognised headers for the columns the mapping did not name.
function claimRecognised(r: Resolution, mapping: Partial<Record<CanonicalColumn, string>>): void {
  const { headers, index } = r;
  for (let i = 0; i < headers.length; i++) {
    if (r.claimed.has(i)) continue;
    const c = ALIAS_TO_COLUMN.get(r.norm[i]);
    if (!c || mapping[c] !== undefined) continue;
    const first = index[c];
    // Columns the reader never uses (posyandu, address, parent) may repeat; the first is kept.
    if (first !== undefined && UNUSED.has(c)) continue;
    if (first !== undefined) {
      r.errors.push({
        file: r.file,
        line: r.line,
        column: i + 1,
        raw: headers[i],
        expected: `one column for ${c} (already at column ${first + 1} '${headers[first]}'); name the right one in measurements.columns.${c}`,
        message: `Kolom ganda untuk ${c}: '${headers[first]}' (kolom ${first + 1}) dan '${headers[i]}' (kolom ${i + 1}) / Duplicate column for ${c}`,
      });
      continue;
    }
    index[c] = i;
    r.claimed.set(i, c);
  }
}

// 3. Required columns: sex, both dates, weight or height, and an area (code, or desa + kecamatan names).
function requireColumns(r: Resolution): void {
  const { index } = r;
  const missing = (c: string, expected: string) =>
    r.errors.push({
      file: r.file,
      line: r.line,
      raw: r.headers.join(' | '),
      expected,
      message: `Kolom wajib tidak ditemukan: ${c} / Required column missing: ${c}`,
    });
  for (const c of ['sex', 'birth_date', 'measure_date'] as const) {
    if (index[c] === undefined) missing(c, `a column for ${c}, e.g. ${examples(c)}, or measurements.columns.${c}`);
  }
  if (index.weight === undefined && index.height === undefined) {
    missing('weight/height', `a column for weight (${examples('weight')}) or height (${examples('height')})`);
  }
  if (index.desa_code === undefined && (index.desa_name === undefined || index.kecamatan_name === undefined)) {
    const lacking = index.desa_name === undefined ? 'desa_name' : 'kecamatan_name';
    missing(
      index.desa_name === undefined && index.kecamatan_name === undefined ? 'desa_code' : lacking,
      `an area: desa_code (${examples('desa_code')}) or both desa_name (${examples('desa_name')}) and kecamatan_name (${examples('kecamatan_name')})`,
    );
  }
}

/** How many cells of a candidate header row name a canonical column (a recognised header, or a header the config's
 * mapping names): 0 for a data row or a title row. Used to find the header row below title rows. */
export function recognisedColumns(cells: readonly string[], mapping: Partial<Record<CanonicalColumn, string>> = {}): number {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => typeof v === 'string').map(normaliseHeader));
  const seen = new Set<string>();
  for (const cell of cells) {
    const n = normaliseHeader(cell.replace(/^\uFEFF/, '').trim());
    if (n === '') continue;
    const c = mapped.has(n) ? `mapped:${n}` : ALIAS_TO_COLUMN.get(n);
    if (c !== undefined) seen.add(c);
  }
  return seen.size;
}
