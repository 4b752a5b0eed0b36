/**
 * The link preview of a convergence map (a static explorer page of a convergence indicator): which pages get it, and
 * what it shows (the indicator's name, the region's coverage with its target, the desa by class in the indicator's
 * own palette, never the prevalence reds).
 */
import { describe, expect, it } from 'vitest';
import { coverageMapOfPath, coverageOgInput } from '../../../src/lib/share/social.ts';
import { ogImageSvg, ogMapImagePath } from '../../../src/lib/share/og-image.ts';
import { CLASS_COLORS, COVERAGE_COLORS } from '../../../src/lib/site/thresholds.ts';
import type { Meta } from '../../../src/lib/site/contract.ts';
import type { CoverageAreaJson, CoverageMetaJson, CoverageValueJson } from '../../../src/lib/publish/coverage.ts';

const cell = (numerator: number, denominator: number): CoverageValueJson => ({
  numerator, denominator, coverage: Math.round((1000 * numerator) / denominator) / 10, ci_low: 50, ci_high: 95, status: 'ok', basis: 'sum', desa_reporting: 3, desa_total: 3,
});
// A made-up indicator: the preview knows it from konvergensi-meta.json alone.
const coverage: Pick<CoverageMetaJson, 'indicators' | 'periods'> = {
  periods: ['2024-08', '2025-08'],
  indicators: [{
    id: 'kelas_ayah', group: 'sensitive', name: { id: 'Ayah ikut kelas pengasuhan', en: 'Fathers in parenting classes' },
    definition: { id: 'd', en: 'd' }, numerator: { id: 'n', en: 'n' }, denominator: { id: 'm', en: 'm' },
    direction: 'higher_better', unit: 'percent', counts: 'people', citation: 'Contoh', targets: [{ year: 2025, target: 90, source: 'RAD (contoh)' }],
  }],
};
const meta = {
  title: { id: 'Data Stunting', en: 'Stunting data' }, region: { code: '18.72', name: 'Kota Metro' }, publisher: { name: 'Dinkes' },
  licence: { id: 'CC-BY-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }, synthetic: true,
} as unknown as Meta;
const region: CoverageAreaJson = { code: '18.72', periods: coverage.periods, values: { '2024-08': { kelas_ayah: cell(60, 100) }, '2025-08': { kelas_ayah: cell(85, 100) } } };
const desa = { a: { kelas_ayah: cell(95, 100) }, b: { kelas_ayah: cell(40, 100) }, c: { kelas_ayah: { ...cell(1, 2), status: 'suppressed', coverage: null } } };

describe('preview of a convergence map', () => {
  it('belongs to the static pages of a convergence indicator in one of its periods, of either level', () => {
    expect(coverageMapOfPath('/peta/desa/kelas_ayah/2025-08/', coverage)).toEqual({ indicator: 'kelas_ayah', period: '2025-08' });
    expect(coverageMapOfPath('/peta/kecamatan/kelas_ayah/2024-08/', coverage)).toEqual({ indicator: 'kelas_ayah', period: '2024-08' });
    for (const p of ['/peta/desa/stunting/2025-08/', '/peta/desa/kelas_ayah/2023-08/', '/peta/', '/wilayah/18.72/']) expect(coverageMapOfPath(p, coverage), p).toBeNull();
    expect(coverageMapOfPath('/peta/desa/kelas_ayah/2025-08/', null)).toBeNull();
    expect(ogMapImagePath('en', 'kelas_ayah', '2025-08', '/sub/')).toBe('/sub/og/en/peta/kelas_ayah/2025-08.png');
  });

  it.each(['id', 'en'] as const)('%s: names the indicator, the region coverage, its target, and the desa by class in its palette', (lang) => {
    const input = coverageOgInput({ meta, coverage, indicator: 'kelas_ayah', period: '2025-08', region, desa, lang, host: 'example.org' });
    expect(input.areaTitle).toBe(coverage.indicators[0].name[lang]);
    expect(input.value).toBe(lang === 'id' ? '85,0%' : '85.0%');
    expect(input.valueNote).toContain('85 / 100');
    expect(input.valueNote.split('\n')[1]).toBe('Target 2025: 90%');
    expect(input.points.map((p) => p.value)).toEqual([60, 85]);
    expect(input.classes!.items.map((i) => i.fill)).toEqual([...COVERAGE_COLORS]);
    // 40 % is in the first class, 95 % in the last; the hidden desa is in neither.
    expect(input.classes!.items.map((i) => i.count)).toEqual([1, 0, 0, 0, 1]);
    expect(input.accent).toBe(COVERAGE_COLORS[4]);
    const svg = ogImageSvg(input);
    for (const c of COVERAGE_COLORS) expect(svg).toContain(`fill="${c}"`);
    for (const c of CLASS_COLORS) expect(svg).not.toContain(c);
    expect(svg).toContain('Kota Metro');
    expect(input.context).toContain(lang === 'id' ? 'makin tinggi makin baik' : 'higher is better');
  });

  it('a lower-is-better indicator has its palette reversed (dark = good) and says so', () => {
    const lower = { ...coverage, indicators: [{ ...coverage.indicators[0], direction: 'lower_better' as const }] };
    const input = coverageOgInput({ meta, coverage: lower, indicator: 'kelas_ayah', period: '2025-08', region, desa, lang: 'en', host: '' });
    expect(input.classes!.items.map((i) => i.fill)).toEqual([...COVERAGE_COLORS].reverse());
    expect(input.context).toContain('lower is better');
    expect(input.accent).toBe(COVERAGE_COLORS[4]);
  });

  it('says why there is no figure, and refuses an unknown indicator', () => {
    const input = coverageOgInput({ meta, coverage, indicator: 'kelas_ayah', period: '2025-08', region: null, desa: {}, lang: 'id', host: '' });
    expect(input.value).toBeNull();
    expect(input.valueNote).toMatch(/tidak dipublikasikan/);
    expect(() => coverageOgInput({ meta, coverage, indicator: 'x', period: '2025-08', region, desa, lang: 'id', host: '' })).toThrow(/x/);
  });
});
