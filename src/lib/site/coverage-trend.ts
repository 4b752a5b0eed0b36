/**
 * The trend of a convergence indicator for one area, in the shape the trend chart (trend.ts, TrendChart.astro) draws:
 * the area's `konvergensi/<kode>.json` as a series whose value is the coverage (numerator / denominator, with its 95%
 * interval), the indicator's targets with their year and source as target lines, and the words of a coverage chart
 * ("cakupan (%)", higher or lower is better). Nothing here names an indicator: the definitions come from
 * konvergensi-meta.json. Pure: the embed page (src/pages/embed/_CoverageEmbed.astro) renders what this returns.
 */
import type { IndicatorId } from '../types.ts';
import type { AreaJson, SeriesJson } from './contract.ts';
import type { CoverageAreaJson, CoverageMetaJson } from '../publish/coverage.ts';
import { formatNumber, type Lang } from './format.ts';
import { t } from '../i18n/strings.ts';
import { areaTitle } from './area-title.ts';

type Definition = CoverageMetaJson['indicators'][number];

/** One indicator's trend: the series and targets TrendChart takes, and its words. */
export interface CoverageTrend {
  id: string;
  /** The indicator's name in the page's language. */
  label: string;
  /** "Tren cakupan imunisasi dasar lengkap: Kecamatan Genteng". */
  title: string;
  /** The area's coverage as a trend series (value = coverage, n = denominator), keyed by the indicator's id. */
  series: SeriesJson;
  /** The key the series holds the indicator under (its id, typed as the chart's indicator). */
  key: IndicatorId;
  /** Target lines: "Target 2024" on the chart, with its source in the caption. */
  targets: { year: number; value: number; label: string; long: string }[];
  /** "45 / 50" of each period with a published figure. */
  counts: Record<string, string>;
  words: { heading: string; line: string; value: string; count: string; yTitle: string };
}

/** The trend of one convergence indicator of an area (periods of konvergensi-meta.json, oldest first). */
export function coverageTrend(def: Definition, area: Pick<AreaJson, 'code' | 'name' | 'level' | 'parent' | 'kind'>, file: CoverageAreaJson | null, periods: readonly string[], lang: Lang): CoverageTrend {
  const counts: Record<string, string> = {};
  const series: SeriesJson = { code: area.code, name: area.name, level: area.level, parent: area.parent, periods: {} };
  for (const p of periods) {
    const v = file?.values[p]?.[def.id];
    const ok = v?.status === 'ok' && v.coverage !== null;
    if (ok) counts[p] = `${formatNumber(v.numerator, lang)} / ${formatNumber(v.denominator, lang)}`;
    series.periods[p] = {
      measured: null,
      valid: null,
      target: null,
      coverage: null,
      indicators: {
        [def.id]: {
          n: ok ? v.denominator : null,
          cases: ok ? v.numerator : null,
          prevalence: ok ? v.coverage : null,
          ci_low: ok ? v.ci_low : null,
          ci_high: ok ? v.ci_high : null,
          status: v?.status ?? 'no_data',
          ...(v?.suppression ? { suppression: v.suppression } : {}),
        },
      },
    };
  }
  const label = def.name[lang];
  const lower = def.direction === 'lower_better';
  return {
    id: def.id,
    label,
    title: t(lang, 'cvTrendTitle', { indicator: label, area: areaTitle(area, lang) }),
    series,
    key: def.id as IndicatorId,
    targets: [...def.targets]
      .sort((a, b) => a.year - b.year)
      .map((x) => ({ year: x.year, value: x.target, label: `Target ${x.year}`, long: t(lang, 'cvTrendTarget', { year: x.year, source: x.source }) })),
    counts,
    words: {
      heading: t(lang, 'cvTrendHeading'),
      line: t(lang, 'cvTrendLine'),
      value: t(lang, 'cvColCoverage'),
      count: t(lang, 'cvColCounts'),
      yTitle: t(lang, 'cvTrendAxis', { direction: t(lang, lower ? 'cvLowerBetter' : 'cvHigherBetter') }),
    },
  };
}

/** The trends of every convergence indicator of an area, in the order of konvergensi-meta.json. */
export function coverageTrends(meta: CoverageMetaJson, area: Pick<AreaJson, 'code' | 'name' | 'level' | 'parent' | 'kind'>, file: CoverageAreaJson | null, lang: Lang): CoverageTrend[] {
  return meta.indicators.map((d) => coverageTrend(d, area, file, meta.periods, lang));
}

/** The sources a convergence embed names: each definition's citation and each target's source, once each. */
export function coverageSources(meta: CoverageMetaJson): string[] {
  return [...new Set([...meta.indicators.map((d) => d.citation), ...meta.indicators.flatMap((d) => d.targets.map((x) => x.source))])];
}

/** Site path of an area's convergence embed (`/embed/konvergensi/35.10.01/`), language-free. */
export function coverageEmbedPath(code: string): string {
  return `/embed/konvergensi/${code}/`;
}
