import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../areas.ts';
import { readAreaListText } from '../../../scripts/lib/areas-file.ts';
import { COVERAGE_INDICATORS, type CoverageIndicator } from '../indicators/coverage-defs.ts';
import { checkDefinitions } from '../indicators/index.ts';
import { parseCoverage } from '../inputs/coverage.ts';
import { demoCoverageCsv } from '../demo/coverage.ts';
import { coverageTable, reportedVersusSum, type CoverageValue } from './coverage.ts';
import { coverageFiles } from '../publish/coverage.ts';
import { createRng } from '../demo/prng.ts';

const registry = parseRegistry(readAreaListText(), '18.72');
const areas = [registry.region, ...registry.kecamatan, ...registry.desa].sort((a, b) => (a.code < b.code ? -1 : 1));
const at = (code: string) => areas.findIndex((a) => a.code === code);
const defs = COVERAGE_INDICATORS;
const rowsOf = (csv: string) => {
  const r = parseCoverage(csv, 'k.csv', registry, defs);
  expect(r.problems).toEqual([]);
  return r.rows;
};

describe('indicator definitions', () => {
  it('hold the 20 Perpres 72/2021 indicators and the scorecard, each with both languages, ids unique', () => {
    expect(checkDefinitions(COVERAGE_INDICATORS, 'tingkat_konvergensi')).toEqual([]);
    expect(COVERAGE_INDICATORS.filter((d) => d.group === 'specific')).toHaveLength(9);
    expect(COVERAGE_INDICATORS.filter((d) => d.group === 'sensitive')).toHaveLength(11);
    expect(COVERAGE_INDICATORS.filter((d) => d.group === 'scorecard').map((d) => d.id)).toContain('tingkat_konvergensi');
    expect(COVERAGE_INDICATORS.find((d) => d.id === 'kehamilan_tidak_diinginkan')!.direction).toBe('lower_better');
  });
  it('reject duplicates, bad ids and missing words', () => {
    const bad = [{ ...defs[0] }, { ...defs[0] }, { ...defs[1], id: 'Bad-Id', name: { id: '', en: 'x' } }] as CoverageIndicator[];
    expect(checkDefinitions(bad, defs[0].id)).toEqual([
      `id "${defs[0].id}" is defined twice`,
      'id "Bad-Id": lower case letters, digits and _ only',
      'Bad-Id: name needs both Indonesian and English words',
    ]);
  });
});

describe('coverageTable', () => {
  const H = 'kode,period,indicator,numerator,denominator\n';

  it('sums desa into kecamatan and the kabupaten, says how many desa reported, and gives a Wilson interval', () => {
    const rows = rowsOf(H + ['18.72.01.1001,2025-08,imunisasi_dasar,40,50', '18.72.01.1002,2025-08,imunisasi_dasar,30,40', '18.72.02.1001,2025-08,imunisasi_dasar,20,25'].join('\n'));
    const t = coverageTable(rows, areas, defs, 10);
    expect(t.periods).toEqual(['2025-08']);
    expect(t.indicators).toEqual(['imunisasi_dasar']);
    const v = (code: string) => t.values[at(code)][0].imunisasi_dasar;
    expect(v('18.72.01')).toMatchObject({ numerator: 70, denominator: 90, coverage: 77.8, basis: 'sum', desaReporting: 2, desaTotal: 5 });
    expect(v('18.72')).toMatchObject({ numerator: 90, denominator: 115, basis: 'sum', desaReporting: 3, desaTotal: registry.desa.length });
    expect(v('18.72.01.1001')).toMatchObject({ coverage: 80, ciLow: 67, ciHigh: 88.8, basis: 'reported', status: 'ok' });
    expect(v('18.72.03')).toMatchObject({ status: 'no_data', numerator: null, basis: null, desaReporting: 0 });
  });

  it('uses a row reported for a higher area as given, and reports where it differs from its desa', () => {
    const rows = rowsOf(H + ['18.72.01,2025-08,mpasi,100,120', '18.72.01.1001,2025-08,mpasi,40,50', '18.72.01.1002,2025-08,mpasi,30,40'].join('\n'));
    const t = coverageTable(rows, areas, defs, 10);
    expect(t.values[at('18.72.01')][0].mpasi).toMatchObject({ numerator: 100, denominator: 120, basis: 'reported' });
    expect(reportedVersusSum(rows, areas)).toEqual([{ code: '18.72.01', period: '2025-08', indicator: 'mpasi', reported: [100, 120], sum: [70, 90] }]);
  });

  it('hides small denominators and enough others that no hidden count can be recovered by subtraction', () => {
    // random desa figures, many small: every kecamatan total is published, so the attacker subtracts
    const lines: string[] = [];
    const rng = createRng(7, 'coverage-test');
    for (const d of registry.desa) {
      const den = rng.int(3) === 0 ? rng.int(10) : 10 + rng.int(40);
      lines.push(`${d.code},2025-08,gizi_kurang_pmt,${rng.int(den + 1)},${den}`);
    }
    const t = coverageTable(rowsOf(H + lines.join('\n')), areas, defs, 10);
    const v = (i: number) => t.values[i][0].gizi_kurang_pmt;
    let hidden = 0;
    for (const parent of [registry.region, ...registry.kecamatan]) {
      const p = v(at(parent.code));
      if (p.status !== 'ok') continue;
      const kids = areas.map((a, i) => [a, i] as const).filter(([a]) => a.parent === parent.code).map(([, i]) => v(i)).filter((c) => c.basis);
      const shown = kids.filter((c) => c.status === 'ok');
      const secret = kids.filter((c) => c.status === 'suppressed');
      hidden += secret.length;
      if (secret.length === 0) continue;
      expect(secret.length, `${parent.code}: one hidden desa is the total minus the rest`).toBeGreaterThan(1);
      const num = p.numerator! - shown.reduce((s, c) => s + c.numerator!, 0);
      const den = p.denominator! - shown.reduce((s, c) => s + c.denominator!, 0);
      expect(num, `${parent.code}: hidden numerators add up to 0`).toBeGreaterThan(0);
      expect(den - num, `${parent.code}: hidden desa all at 100%`).toBeGreaterThan(0);
    }
    expect(hidden).toBeGreaterThan(3);
    const primary = t.values.filter((r) => r[0].gizi_kurang_pmt.suppression === 'primary').length;
    expect(primary).toBe(lines.filter((l) => { const d = Number(l.split(',')[4]); return d > 0 && d < 10; }).length);
  });

  it('never hides counts of villages (ODF)', () => {
    const t = coverageTable(rowsOf(H + '18.72.01.1001,2025-08,desa_odf,1,1\n18.72.01.1002,2025-08,desa_odf,0,1\n'), areas, defs, 10);
    expect(t.values[at('18.72.01.1001')][0].desa_odf).toMatchObject({ status: 'ok', coverage: 100, ciLow: null, ciHigh: null });
    expect(t.values[at('18.72.01')][0].desa_odf).toMatchObject({ status: 'ok', numerator: 1, denominator: 2 });
  });
});

describe('demo convergence data and published files', () => {
  const desa = registry.desa.map((d, i) => ({ code: d.code, kecamatanCode: d.parent!, under5: 100 + 20 * i }));
  const csv = demoCoverageCsv(desa, defs, [2024, 2025], 11);

  it('is reproducible from its seed, valid input, and sums the scorecard into tingkat_konvergensi', () => {
    expect(demoCoverageCsv(desa, defs, [2024, 2025], 11)).toBe(csv);
    expect(demoCoverageCsv(desa, defs, [2024, 2025], 12)).not.toBe(csv);
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(desa.length * defs.length * 2);
    const one = rows.filter((r) => r.code === desa[0].code && r.period === '2025-08');
    const groups = one.filter((r) => defs.find((d) => d.id === r.indicator)!.group === 'scorecard' && r.indicator !== 'tingkat_konvergensi');
    const total = one.find((r) => r.indicator === 'tingkat_konvergensi')!;
    expect([total.numerator, total.denominator]).toEqual([groups.reduce((s, r) => s + r.numerator, 0), groups.reduce((s, r) => s + r.denominator, 0)]);
  });

  it('publishes a tidy CSV row per area, period and indicator, area files, map files and the definitions with targets', () => {
    const table = coverageTable(rowsOf(csv), areas, defs, 10);
    const files = coverageFiles({ table, areas, defs, targets: [{ indicator: 'mpasi', year: 2024, target: 80, source: 'Perpres 72/2021 Lampiran' }], suppressionMin: 10 });
    const lines = files.get('konvergensi.csv')!.trim().split('\n');
    expect(lines).toHaveLength(1 + areas.length * 2 * defs.length);
    expect(files.has('konvergensi/18.72.01.1001.json')).toBe(true);
    expect(Object.keys(JSON.parse(files.get('konvergensi-map/desa/2025-08.json')!).values)).toHaveLength(registry.desa.length);
    const meta = JSON.parse(files.get('konvergensi-meta.json')!);
    expect(meta.indicators.find((d: { id: string }) => d.id === 'mpasi').targets).toEqual([{ year: 2024, target: 80, source: 'Perpres 72/2021 Lampiran' }]);
    expect(meta.groups.map((g: { id: string }) => g.id)).toEqual(['specific', 'sensitive', 'scorecard']);
    // The Excel variant: BOM, ';', decimal comma, the same rows plus the synthetic flag.
    const excel = files.get('konvergensi-excel.csv')!;
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    const xl = excel.slice(1).trimEnd().split('\r\n');
    expect(xl).toHaveLength(lines.length);
    expect(xl[0]).toBe(lines[0].replace(/,/g, ';') + ';synthetic');
    const okRow = xl.find((l) => l.includes(';ok;'))!.split(';');
    expect(okRow[7]).toMatch(/^\d+(,\d)?$/);
    expect(okRow.at(-1)).toBe('no');
  });
});
