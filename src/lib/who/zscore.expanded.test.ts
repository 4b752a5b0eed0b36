/**
 * The z-score engine against an independent reference: WHO's expanded z-score tables (test/fixtures/who-expanded),
 * which give the measurement at SD4neg..SD4 for every day 0-1856 (length/height- and weight-for-age) and every
 * 0.1 cm (weight-for-length 45-110, weight-for-height 65-120). Feeding the SD-k value back must give z = k.
 *
 * Tolerance, honestly: the fixture values are rounded to 3 decimals, so a fed value y is off its exact cut-off by at
 * most 0.0005 (cm or kg); the test first checks that premise against the cut-off recomputed from our LMS table
 * (M (1 + L S k)^(1/L), restricted beyond +/-3). Over [y - 0.0005, y + 0.0005] the z-score moves by at most
 * 0.0005 times its largest slope there: the LMS slope (y/M)^(L-1) / (M S) is monotone in y, so its maximum is at an
 * end of the interval; beyond +/-3 SD the restricted z is linear with slope 1 / (SD3 - SD2). That gives a rigorous
 * per-cell bound on |z_unrounded - k|, asserted below (a bound from the gaps between columns is NOT enough: at -3 SD
 * the LMS curve is steeper than the SD3-SD2 secant). Every bound in these tables is below 0.005 (asserted too), so
 * the z rounded to 2 decimals, as anthro reports it, must equal k EXACTLY: no tolerance on the rounded output.
 *
 * The SD4 columns of weight-for-age/length/height are built with the restricted method (SD4 = SD3 + (SD3 - SD2)),
 * the same as anthro's compute_zscore_adjusted, so the +/-4 columns test the restricted branch. Length-for-age has
 * L = 1, where plain and restricted LMS coincide, so its +/-4 columns are checked against plain LMS.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWhoTables } from '../../../scripts/lib/who-files.ts';
import { lmsAt, type LmsTable } from './tables.ts';
import { computeZScores, lmsZ, restrictedLmsZ } from './zscore.ts';
import type { Sex, ZScoreInput, ZScores } from '../types.ts';

const tables = readWhoTables();
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/who-expanded/', import.meta.url));
const KS = [-4, -3, -2, -1, 0, 1, 2, 3, 4];

interface Case {
  name: string;
  file: string;
  table: LmsTable;
  restricted: boolean;
  /** Row key -> integer table key (day, or tenths of cm). */
  key: (x: number) => number;
  input: (sex: Sex, rowKey: number, y: number) => ZScoreInput;
  out: keyof ZScores;
  /** Last row key the engine scores (anthro: age / 30.4375 < 60 -> day 1826). */
  maxKey: number;
}

const CASES: Case[] = [
  {
    name: 'length/height-for-age',
    file: 'lhfa',
    table: tables.len,
    restricted: false,
    key: (d) => d,
    // Position matching the age, so no +/-0.7 cm correction: the fixtures are length < 731 days, height after.
    input: (sex, d, y) => ({ sex, ageDays: d, weightKg: null, lengthHeightCm: y, position: d < 731 ? 'L' : 'H', oedema: false }),
    out: 'zlen',
    maxKey: 1826,
  },
  {
    name: 'weight-for-age',
    file: 'wfa',
    table: tables.wei,
    restricted: true,
    key: (d) => d,
    input: (sex, d, y) => ({ sex, ageDays: d, weightKg: y, lengthHeightCm: null, position: null, oedema: false }),
    out: 'zwei',
    maxKey: 1826,
  },
  {
    name: 'weight-for-length',
    file: 'wfl',
    table: tables.wfl,
    restricted: true,
    key: (cm) => Math.round(cm * 10),
    input: (sex, cm, y) => ({ sex, ageDays: 300, weightKg: y, lengthHeightCm: cm, position: 'L', oedema: false }),
    out: 'zwfl',
    maxKey: 110,
  },
  {
    name: 'weight-for-height',
    file: 'wfh',
    table: tables.wfh,
    restricted: true,
    key: (cm) => Math.round(cm * 10),
    input: (sex, cm, y) => ({ sex, ageDays: 1000, weightKg: y, lengthHeightCm: cm, position: 'H', oedema: false }),
    out: 'zwfl',
    maxKey: 120,
  },
];

function readFixture(file: string): number[][] {
  return readFileSync(`${FIXTURES}/${file}`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t').map(Number));
}

const SEXES: [string, Sex][] = [
  ['boys', 1],
  ['girls', 2],
];

describe.each(CASES)('$name: the WHO expanded table cut-offs', (c) => {
  it.each(SEXES)('give back z = k for every SD-k column, every row, for %s', (label, sex) => {
    const rows = readFixture(`${c.file}_${label}_z_exp.txt`).filter((r) => r[0] <= c.maxKey);
    // Days 0..1826 (1827 rows) or every 0.1 cm of the table.
    expect(rows.length).toBe(c.table.maxKey - c.table.minKey + 1);
    let checked = 0;
    let maxRawDev = 0;
    let maxRoundedDev = 0;
    for (const r of rows) {
      const lms = lmsAt(c.table, sex, c.key(r[0]));
      expect(lms, `table row ${r[0]}`).not.toBeNull();
      for (let i = 0; i < KS.length; i++) {
        const k = KS[i];
        const y = r[i + 1];
        const { l, m, s } = lms!;
        const cut = (q: number) => m * Math.pow(1 + l * s * q, 1 / l);
        const sd23pos = cut(3) - cut(2);
        const sd23neg = cut(-2) - cut(-3);
        const exact = !c.restricted || Math.abs(k) <= 3 ? cut(k) : k > 0 ? cut(3) + (k - 3) * sd23pos : cut(-3) + (k + 3) * sd23neg;
        if (Math.abs(exact - y) > 0.0005 + 1e-9) expect.fail(`${label} ${r[0]} SD${k}: fixture ${y} vs cut-off ${exact}`);
        const lmsSlope = (v: number) => Math.pow(v / m, l - 1) / (m * s);
        let slope = Math.max(lmsSlope(y - 0.0005), lmsSlope(y + 0.0005));
        if (c.restricted) slope = Math.max(slope, 1 / sd23pos, 1 / sd23neg);
        const bound = 0.0005 * slope + 1e-9;
        expect(bound).toBeLessThan(0.005);

        const raw = c.restricted ? restrictedLmsZ(y, l, m, s) : lmsZ(y, l, m, s);
        const rawDev = Math.abs(raw - k);
        if (rawDev > bound) expect.fail(`${label} ${r[0]} SD${k}: y=${y} unrounded z=${raw}, bound ${bound}`);
        maxRawDev = Math.max(maxRawDev, rawDev);

        const z = computeZScores(c.input(sex, r[0], y), tables)[c.out];
        if (z !== k) expect.fail(`${label} ${r[0]} SD${k}: y=${y} gave z=${z}`);
        maxRoundedDev = Math.max(maxRoundedDev, Math.abs((z as number) - k));
        checked++;
      }
    }
    expect(checked).toBe(rows.length * KS.length);
    expect(maxRoundedDev).toBe(0);
    // Largest measured: 0.0031 (weight-for-length, boys, 45.6 cm, -3 SD), all from the fixture's 3-decimal rounding.
    expect(maxRawDev).toBeLessThan(0.005);
  });
});

describe('the expanded tables beyond the standards', () => {
  it.each(SEXES)('have rows up to day 1856 that anthro does not score (age >= 60 months), %s', (label, sex) => {
    const rows = readFixture(`wfa_${label}_z_exp.txt`);
    const last = rows[rows.length - 1];
    expect(last[0]).toBe(1856);
    const z = computeZScores({ sex, ageDays: 1827, weightKg: rows[1827][5], lengthHeightCm: null, position: null, oedema: false }, tables);
    expect(z.zwei).toBeNull();
  });
});

describe('weight-for-length/height without an age', () => {
  it.each([
    ['wfl', 'L' as const, 45, 110],
    ['wfh', 'H' as const, 65, 120],
  ])('uses the %s table chosen by the recorded position and gives back the cut-offs', (file, position, lo, hi) => {
    for (const [label, sex] of SEXES) {
      for (const r of readFixture(`${file}_${label}_z_exp.txt`)) {
        expect(r[0] >= lo && r[0] <= hi).toBe(true);
        for (let i = 0; i < KS.length; i++) {
          const z = computeZScores({ sex, ageDays: null, weightKg: r[i + 1], lengthHeightCm: r[0], position, oedema: false }, tables);
          if (z.zwfl !== KS[i]) expect.fail(`${file} ${label} ${r[0]} SD${KS[i]} gave ${z.zwfl}`);
        }
      }
    }
  });
});
