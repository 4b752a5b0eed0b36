/** The demo generator's rows: children and their cohorts, nutrition from the drawn z-scores, injected faults. */
import { beforeAll, describe, expect, it } from 'vitest';
import { banyuwangi, banyuwangiDemo, C, dmyDay, metro, num, tables } from '../../../test/helpers/demo-export.ts';
import { createAreaMatcher } from '../csv/names.ts';
import { computeZScores } from '../who/zscore.ts';
import { dayNumber } from '../csv/values.ts';
import { FAULT_KINDS, type FaultKind } from './faults.ts';
import { demoManifest, generateDemo, type DemoFile } from './generate.ts';
import type { DemoManifest } from './manifest.ts';
import { ERROR_KINDS } from './params.ts';
import type { DemoPlan } from './plan.ts';

let plan: DemoPlan;
let files: DemoFile[];
let manifest: DemoManifest;
let rowsByRound: string[][][];

beforeAll(() => {
  ({ plan, files, manifest, rowsByRound } = banyuwangiDemo());
}, 120_000); // about 4 s alone; generous because other suites run in parallel

describe('children', () => {
  it('has ages within 0..1826 days for every row with valid dates', () => {
    const ages: number[] = [];
    for (const rows of rowsByRound) {
      for (const r of rows) {
        const b = dmyDay(r[C['Tgl Lahir']]);
        const m = dmyDay(r[C['Tanggal Pengukuran']]);
        if (b !== b || m !== m || m < b || m > dayNumber(2026, 1, 1)) continue; // injected date faults
        ages.push(m - b);
      }
    }
    expect(ages.length).toBeGreaterThan(400_000);
    expect(ages.filter((a) => a < 0 || a > 1826)).toEqual([]);
    expect(ages.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(1800); // the whole 0-59 month range is used
    expect(ages.reduce((a, b) => Math.min(a, b), 9999)).toBeLessThan(10);
    const truth = files.flatMap((f) => f.round.rows.map((r) => r.ageDays));
    expect(truth.filter((a) => a < 0 || a > 1826)).toEqual([]);
  });

  it('follows a cohort: same NIK keeps sex and birth date, ages, enters at birth and leaves at 60 months', () => {
    type Seen = { sex: string; birth: number; age: number };
    const byRound = rowsByRound.map((rows) => {
      const m = new Map<string, Seen>();
      for (const r of rows) {
        const b = dmyDay(r[C['Tgl Lahir']]);
        const d = dmyDay(r[C['Tanggal Pengukuran']]);
        if (b !== b || d !== d || d < b || d > dayNumber(2026, 1, 1)) continue;
        m.set(r[C.NIK], { sex: r[C.JK], birth: b, age: d - b });
      }
      return m;
    });
    for (let i = 1; i < byRound.length; i++) {
      let followed = 0;
      let eligible = 0;
      const broken: string[] = [];
      for (const [nik, prev] of byRound[i - 1]) {
        const cur = byRound[i].get(nik);
        if (prev.age < 1826 - 200) eligible++;
        if (!cur) continue;
        followed++;
        if (cur.sex !== prev.sex || cur.birth !== prev.birth || cur.age <= prev.age) broken.push(nik);
      }
      expect(broken).toEqual([]);
      // Coverage 80-95% and moves: most children come back, not all.
      expect(followed / eligible).toBeGreaterThan(0.7);
      expect(followed / eligible).toBeLessThan(0.95);
      // Newborns since the last round enter.
      const newborns = [...byRound[i].values()].filter((s) => s.age < 183).length;
      expect(newborns / byRound[i].size).toBeGreaterThan(0.05);
    }
    // Nobody aged out is still measured in a later round.
    for (const m of byRound) expect([...m.values()].filter((s) => s.age > 1826)).toEqual([]);
  });

  it('records lying under 24 months and standing after, with a few the other way and some infants standing', () => {
    let under = 0;
    let underStanding = 0;
    let over = 0;
    let overLying = 0;
    let infantsStanding = 0;
    for (const f of files) {
      for (const r of f.round.rows) {
        const pos = r.cells[C['Cara Ukur'] - 1];
        if (r.ageDays < 731) (under++, pos === 'Berdiri' && underStanding++);
        else (over++, pos === 'Terlentang' && overLying++);
        if (r.ageDays < 274 && pos === 'Berdiri') infantsStanding++;
      }
    }
    expect(underStanding / under).toBeGreaterThan(0.02);
    expect(underStanding / under).toBeLessThan(0.045);
    expect(overLying / over).toBeGreaterThan(0.02);
    expect(overLying / over).toBeLessThan(0.045);
    expect(infantsStanding).toBeGreaterThan(0);
  });
});

describe('nutrition (from the drawn z-scores)', () => {
  /** Per desa and round: children and stunted children, from the drawn HAZ of each child's first row. */
  function prevalenceByDesa(ri: number): { n: number; cases: number }[] {
    const out = plan.desa.map(() => ({ n: 0, cases: 0 }));
    for (const r of files[ri].round.rows) {
      if (r.fault === 'duplicate_identical' || r.fault === 'duplicate_remeasured') continue;
      out[r.desa].n++;
      if (r.haz < -2) out[r.desa].cases++;
    }
    return out;
  }

  it('spreads desa stunting prevalence across the WHO classes, from < 2.5% to >= 30%', () => {
    for (let ri = 0; ri < files.length; ri++) {
      const rates = prevalenceByDesa(ri).filter((x) => x.n >= 50).map((x) => x.cases / x.n);
      expect(Math.min(...rates)).toBeLessThan(0.025);
      expect(rates.some((p) => p < 0.1)).toBe(true);
      expect(rates.filter((p) => p >= 0.3).length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...rates)).toBeLessThan(0.7); // high, not absurd
      for (const [lo, hi] of [[0.025, 0.1], [0.1, 0.2], [0.2, 0.3]]) expect(rates.some((p) => p >= lo && p < hi)).toBe(true);
    }
  });

  it('clusters by kecamatan (between-kecamatan variance of desa means is well above zero)', () => {
    const byKec = new Map<string, number[]>();
    for (const d of plan.desa) byKec.set(d.kecamatanCode, [...(byKec.get(d.kecamatanCode) ?? []), d.hazMean]);
    const kecMeans = [...byKec.values()].map((xs) => xs.reduce((s, x) => s + x, 0) / xs.length);
    const mean = kecMeans.reduce((s, x) => s + x, 0) / kecMeans.length;
    const sd = Math.sqrt(kecMeans.reduce((s, x) => s + (x - mean) ** 2, 0) / (kecMeans.length - 1));
    expect(sd).toBeGreaterThan(0.15);
  });

  it('falls over time (regional prevalence in 2025-08 at least 3 points below 2022-02, mostly falling)', () => {
    const regional = files.map((_, ri) => {
      const t = prevalenceByDesa(ri).reduce((a, x) => ({ n: a.n + x.n, cases: a.cases + x.cases }), { n: 0, cases: 0 });
      return t.cases / t.n;
    });
    expect(regional[0] - regional[regional.length - 1]).toBeGreaterThan(0.03);
    let falls = 0;
    for (let i = 1; i < regional.length; i++) if (regional[i] < regional[i - 1]) falls++;
    expect(falls).toBeGreaterThanOrEqual(5);
    expect(regional[0]).toBeGreaterThan(0.12);
    expect(regional[0]).toBeLessThan(0.3);
  });

  it('writes values whose WHO z-scores give back the drawn HAZ and WHZ', () => {
    let n = 0;
    let close = 0;
    let closeW = 0;
    for (const r of files[5].round.rows) {
      if (r.fault !== null || r.desa % 7 !== 0) continue;
      const cells = r.cells;
      const w = num(cells[C.Berat - 1]);
      const h = num(cells[C.Tinggi - 1]);
      const z = computeZScores(
        { sex: cells[C.JK - 1] === 'L' ? 1 : 2, ageDays: r.ageDays, weightKg: w, lengthHeightCm: h, position: cells[C['Cara Ukur'] - 1] === 'Berdiri' ? 'H' : 'L', oedema: false },
        tables,
      );
      n++;
      // Measurement error (0.3 cm), digit preference (up to 0.25 cm) and the infant-standing slip move z a little.
      if (z.zlen !== null && Math.abs(z.zlen - r.haz) < 0.3) close++;
      if (z.zwfl !== null && Math.abs(z.zwfl - r.whz) < 0.5) closeW++;
    }
    expect(n).toBeGreaterThan(5000);
    expect(close / n).toBeGreaterThan(0.97);
    expect(closeW / n).toBeGreaterThan(0.9);
  });
});

describe('injected faults', () => {
  /** Counts each fault from the text alone, independently of the generator's bookkeeping. */
  function detect(rows: string[][], period: string): Record<FaultKind, number> {
    const out = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
    const known = new Set(plan.desa.map((d) => d.exportName));
    const seen = new Map<string, string>();
    let prev = '';
    const [y, m] = period.split('-').map(Number);
    for (const r of rows) {
      const rest = r.slice(1).join(';');
      if (rest === prev) {
        out.duplicate_identical++;
        continue;
      }
      prev = rest;
      const nik = r[C.NIK];
      if (seen.has(nik)) {
        out.duplicate_remeasured++;
        expect(seen.get(nik)).not.toBe(r[C['Tanggal Pengukuran']]);
      } else seen.set(nik, r[C['Tanggal Pengukuran']]);
      const b = dmyDay(r[C['Tgl Lahir']]);
      const d = dmyDay(r[C['Tanggal Pengukuran']]);
      const w = r[C.Berat];
      const h = r[C.Tinggi];
      if (!known.has(r[C['Desa/Kel']])) out.unknown_village++;
      else if (w === '') out.missing_weight++;
      else if (h === '') out.missing_height++;
      else if (/^\d+$/.test(w)) out.weight_decimal_shift++;
      else if (/^\d+$/.test(h)) out.height_decimal_shift++;
      else if (num(w) > 60 && num(h) < 38) out.swapped_weight_height++;
      else if (b !== b || d !== d) out.impossible_date++;
      else if (d > dayNumber(y + 5, 1, 1)) out.future_date++;
      else if (b > d) out.measured_before_birth++;
    }
    return out;
  }

  it('matches the manifest, per round, kind by kind, from the text alone', () => {
    const checked: FaultKind[] = [...ERROR_KINDS, 'unknown_village', 'duplicate_identical', 'duplicate_remeasured'];
    for (const [ri, rows] of rowsByRound.entries()) {
      const period = plan.periods[ri];
      const found = detect(rows, period);
      const total = manifest.totals[period];
      for (const k of checked) {
        expect(found[k], `${period} ${k}`).toBe(total.faults[k]);
        expect(total.faults[k], `${period} ${k} occurs`).toBeGreaterThan(0);
      }
      expect(total.rows).toBe(rows.length);
      const perDesaRows = Object.values(manifest.desa).reduce((s, d) => s + d.periods[period].rows, 0);
      expect(perDesaRows).toBe(rows.length);
    }
  });

  it('has realistic shares: about 1-6% of rows faulty, each fault rare', () => {
    for (const period of plan.periods) {
      const t = manifest.totals[period];
      const bad = ERROR_KINDS.reduce((s, k) => s + t.faults[k]!, 0) + t.faults.unknown_village!;
      expect(bad / t.rows).toBeGreaterThan(0.01);
      expect(bad / t.rows).toBeLessThan(0.06);
    }
  });

  it('misspells village names so that the area matcher finds no desa, while every correct name matches', () => {
    const matcher = createAreaMatcher([...banyuwangi.kecamatan, ...banyuwangi.desa]);
    const misspelled = plan.desa.filter((d) => d.misspelling !== null);
    expect(misspelled.length).toBeGreaterThanOrEqual(5);
    for (const d of plan.desa) {
      expect(matcher.match({ kecamatanName: d.kecamatanName.toUpperCase(), desaName: d.exportName }, 'x', 1)).toEqual({ ok: true, code: d.code });
      if (d.misspelling) {
        expect(matcher.match({ kecamatanName: d.kecamatanName.toUpperCase(), desaName: d.misspelling }, 'x', 1).ok).toBe(false);
        expect(matcher.match({ desaName: d.misspelling }, 'x', 1).ok).toBe(false);
      }
    }
    // Per desa, the manifest's unknown_village counts are the rows that carry its misspelling.
    for (const [ri, rows] of rowsByRound.entries()) {
      const period = plan.periods[ri];
      for (const d of misspelled) {
        const n = rows.filter((r) => r[C['Desa/Kel']] === d.misspelling).length;
        expect(n).toBe(manifest.desa[d.code].periods[period].faults.unknown_village ?? 0);
      }
    }
  });

  it('gives heavy digit preference in a few desa: most heights end in ,0 or ,5 there, about a fifth elsewhere', () => {
    const heavy = new Set(plan.desa.filter((d) => d.digitPreference === 'heavy').map((d) => d.exportName));
    const none = new Set(plan.desa.filter((d) => d.digitPreference === 'none').map((d) => d.exportName));
    expect(heavy.size).toBeGreaterThanOrEqual(3);
    const share = (names: Set<string>) => {
      let n = 0;
      let k = 0;
      for (const r of rowsByRound[0]) {
        if (!names.has(r[C['Desa/Kel']]) || !/^\d+,\d$/.test(r[C.Tinggi])) continue;
        n++;
        if (/,[05]$/.test(r[C.Tinggi])) k++;
      }
      return k / n;
    };
    expect(share(heavy)).toBeGreaterThan(0.75);
    expect(share(none)).toBeGreaterThan(0.18);
    expect(share(none)).toBeLessThan(0.26);
    const t = manifest.totals[plan.periods[0]].faults.digit_preference!;
    expect(t).toBeGreaterThan(0);
  });

  it('the manifest holds no personal data', () => {
    const json = JSON.stringify(manifest);
    expect(json).not.toMatch(/99\d{14}/);
    expect(json).not.toContain('(Contoh)');
    expect(json).not.toContain('Jl. Contoh');
    expect(json).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('demoManifest gives the same manifest without writing text', () => {
    const m = demoManifest(metro, tables, { seed: 7 });
    const g = generateDemo(metro, tables, { seed: 7 });
    expect(m).toEqual(g.manifest);
  });
});

