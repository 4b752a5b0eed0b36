/**
 * What a map draws: one descriptor per indicator the map explorer offers, the z-score prevalences of meta.json first,
 * then every convergence indicator of konvergensi-meta.json (grouped). A descriptor carries the id, the name in the
 * page's language, its classes and palette (`scale`, thresholds.ts), the periods that have figures and, for a
 * convergence indicator, its targets per year. The value getter, mapCells(), turns either published map file into
 * the cells that mapRows() reads. Nothing here names an indicator id: everything derives from the two meta files.
 * Pure: the same functions run at build time and in the browser.
 */
import type { IndicatorValueJson, Meta } from './contract.ts';
import type { CoverageMetaJson, CoverageValueJson } from '../publish/coverage.ts';
import { coverageScale, formatPct, type Scale } from './thresholds.ts';
import { formatNumber, type Lang } from './format.ts';
import { pick } from './i18n.ts';

/** One indicator a map can draw. */
export interface MapIndicator {
  id: string;
  /** `zscore`: a prevalence from measurements (map/…); `coverage`: a convergence indicator (konvergensi-map/…). */
  kind: 'zscore' | 'coverage';
  /** Name in the page's language. */
  label: string;
  /** Group heading in the page's language (convergence indicators), else null. */
  group: string | null;
  /** Classes and palette: the id of a z-score indicator (thresholds.ts looks it up) or a coverage scale. */
  scale: Scale;
  /** Periods with published figures, oldest first. */
  periods: readonly string[];
  /** Targets per year with their source (convergence indicators that have one). */
  targets: readonly { year: number; target: number; source: string }[];
}

/** The indicator a map draws: a z-score id (area pages) or a descriptor. */
export type MapIndicatorRef = string | MapIndicator;

/** The id of an indicator reference. */
export function idOf(ref: MapIndicatorRef): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/** The classes of an indicator reference. */
export function scaleOf(ref: MapIndicatorRef): Scale {
  return typeof ref === 'string' ? ref : ref.scale;
}

/** True for a convergence (coverage) indicator. */
export function isCoverage(ref: MapIndicatorRef | undefined): ref is MapIndicator & { kind: 'coverage' } {
  return typeof ref === 'object' && ref.kind === 'coverage';
}

/** Every indicator the explorer offers, in the page's language: z-score ones first, then the convergence ones by group
 * (the order of konvergensi-meta.json's groups). */
export function mapIndicators(meta: Pick<Meta, 'indicators' | 'periods'>, coverage: CoverageMetaJson | null | undefined, lang: Lang): MapIndicator[] {
  const z: MapIndicator[] = meta.indicators.map((i) => ({ id: i.id, kind: 'zscore', label: pick(i.label, lang) || i.id, group: null, scale: i.id, periods: meta.periods, targets: [] }));
  if (!coverage || !coverage.periods.length) return z;
  const groups = coverage.groups.map((g) => g.id);
  const order = (g: string) => (groups.includes(g) ? groups.indexOf(g) : groups.length);
  const c: MapIndicator[] = [...coverage.indicators]
    .sort((a, b) => order(a.group) - order(b.group))
    .map((i) => ({
      id: i.id,
      kind: 'coverage',
      label: i.name[lang],
      group: coverage.groups.find((g) => g.id === i.group)?.name[lang] ?? i.group,
      scale: coverageScale(i.direction),
      periods: coverage.periods,
      targets: i.targets,
    }));
  return [...z, ...c];
}

/** The indicators in groups for a control: the z-score ones (group null) first, then each convergence group. */
export function indicatorGroups<T extends Pick<MapIndicator, 'group'>>(list: readonly T[]): { group: string | null; items: T[] }[] {
  const out: { group: string | null; items: T[] }[] = [];
  for (const i of list) {
    const last = out[out.length - 1];
    if (last && last.group === i.group) last.items.push(i);
    else out.push({ group: i.group, items: [i] });
  }
  return out;
}

/** A cell as mapRows() reads it: a prevalence cell, or a coverage cell in the same shape (`prevalence` = coverage,
 * `n` = denominator, `cases` = numerator) with the desa that reported. */
export type MapCell = IndicatorValueJson & { desa_reporting?: number; desa_total?: number };

/** Published map values: area code → indicator id → cell (either kind's file). */
export type CellsByCode = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function isCoverageCell(x: unknown): x is CoverageValueJson {
  return typeof x === 'object' && x !== null && 'coverage' in x && 'status' in x;
}

/** The value getter: the cells of a published map file by area code and indicator id, for either kind. */
export function mapCells(kind: MapIndicator['kind'], values: CellsByCode): CellsByCode {
  if (kind === 'zscore') return values;
  let out = coverageCells.get(values);
  if (!out) coverageCells.set(values, (out = toCells(values)));
  return out;
}

/** mapCells() of each convergence map file, made once: the build draws one file on many pages (the result is shared;
 * callers only read it). */
const coverageCells = new WeakMap<CellsByCode, CellsByCode>();

function toCells(values: CellsByCode): CellsByCode {
  const out: Record<string, Record<string, MapCell>> = {};
  for (const [code, byId] of Object.entries(values)) {
    out[code] = {};
    for (const [id, c] of Object.entries(byId)) {
      if (!isCoverageCell(c)) continue;
      out[code][id] = {
        n: c.denominator, cases: c.numerator, prevalence: c.coverage, ci_low: c.ci_low, ci_high: c.ci_high,
        status: c.status, ...(c.suppression ? { suppression: c.suppression } : {}), desa_reporting: c.desa_reporting, desa_total: c.desa_total,
      };
    }
  }
  return out;
}

/** Path of the published map file of an indicator's kind, level and period (relative to data/v1/). */
export function mapFilePath(kind: MapIndicator['kind'], level: string, period: string, scope: string | null = null): string {
  return kind === 'coverage' ? `konvergensi-map/${level}/${period}.json` : `map/${level}/${scope ? `${scope}/` : ''}${period}.json`;
}

/** The boundary file of a level's areas (under the data folder), within a kab/kota `scope` on a province site. */
export function boundaryFilePath(level: string, scope: string | null = null): string {
  return `boundaries/${scope ? `${scope}/` : ''}${level}.topo.json`;
}

/**
 * The kab/kota whose own files a map of `level` within `parent` reads, or null for the region-wide files. A province
 * site publishes its kecamatan and desa maps per kab/kota as well (a kab/kota page carries only its own areas), and
 * its desa only per kab/kota; a kab/kota site has one set of files.
 */
export function mapScope(root: string, level: string, parent: string | null | undefined): string | null {
  if (root !== 'provinsi' || (level !== 'kecamatan' && level !== 'desa') || !parent || parent.length < 5) return null;
  return parent.slice(0, 5);
}

/** The target of the period's year, if the indicator has one. */
export function targetFor(ind: MapIndicatorRef, period: string): { year: number; target: number; source: string } | null {
  if (typeof ind === 'string') return null;
  const year = Number(period.slice(0, 4));
  return ind.targets.find((t) => t.year === year) ?? null;
}

/** The legend note: the classes' note (`base`), then the target of the period's year with its source. */
export function legendNote(ind: MapIndicatorRef, period: string, lang: Lang, base: string): string {
  const t = targetFor(ind, period);
  if (!t) return base;
  return `${base} Target ${t.year}: ${formatPct(t.target, lang)} % (${t.source}).`;
}

const W = {
  id: { cov: 'Cakupan (%)', num: 'Pembilang / penyebut', note: 'Keterangan', reported: (n: string, m: string) => `${n} dari ${m} desa melapor` },
  en: { cov: 'Coverage (%)', num: 'Numerator / denominator', note: 'Note', reported: (n: string, m: string) => `${n} of ${m} villages reported` },
} as const;

/** Headings of the value, count and note columns of the explorer's table for an indicator's kind. */
export function columnWords(kind: MapIndicator['kind'], lang: Lang, zscore: { prev: string; n: string; cls: string }): { prev: string; n: string; cls: string } {
  return kind === 'coverage' ? { prev: W[lang].cov, n: W[lang].num, cls: W[lang].note } : zscore;
}

/** "n of m villages reported" for a partial sum (fewer desa reported than there are), else null. */
export function reportingText(r: { reporting: number; total: number } | null, lang: Lang): string | null {
  if (!r || r.reporting >= r.total) return null;
  return W[lang].reported(formatNumber(r.reporting, lang), formatNumber(r.total, lang));
}

/** The tooltip line of a coverage figure's counts: "Pembilang / penyebut: 45 / 50". */
export function fractionLine(fraction: string, lang: Lang): string {
  return `${W[lang].num}: ${fraction}`;
}

/** "numerator / denominator" of a coverage row, or null without both. */
export function fractionText(numerator: number | null, denominator: number | null, lang: Lang): string | null {
  return numerator === null || denominator === null ? null : `${formatNumber(numerator, lang)} / ${formatNumber(denominator, lang)}`;
}
