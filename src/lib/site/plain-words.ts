/**
 * "Apa arti angka ini? / What do these numbers mean?": a short box on area pages for parents and anyone without a
 * statistics background. Three plain answers built from the area's own figures: what stunting is, what its class
 * (sedang, tinggi …) means, and what the 95% interval means; a suppressed or missing figure is explained instead.
 * Pure: numbers are formatted here, the component only lays the box out.
 */
import type { IndicatorValueJson } from './contract.ts';
import { formatInterval, formatNumber, formatPercent, type Lang } from './format.ts';
import { CLASS_KEYS, CLASS_LABELS, classIndex, thresholdsFor } from './thresholds.ts';
import { t } from '../i18n/strings.ts';

/** One question and its answer. */
export interface PlainWord {
  term: string;
  text: string;
}

/** The box: a title and three short answers. */
export interface PlainWords {
  title: string;
  items: PlainWord[];
}

/** The plain-words box for an area's stunting figure in the latest round. */
export function plainWords(o: {
  lang: Lang;
  areaName: string;
  periodLabel: string;
  value: IndicatorValueJson;
  suppressionMin: number;
}): PlainWords {
  const { lang, areaName, periodLabel, value: v, suppressionMin } = o;
  const ok = v.status === 'ok' && v.prevalence !== null;
  const breaks = thresholdsFor('stunting').breaks;
  const b = (x: number) => formatNumber(x, lang, x % 1 ? 1 : 0);
  const scale = CLASS_KEYS.map((k, i) => {
    const word = CLASS_LABELS[k][lang];
    const range = i === 0 ? `< ${b(breaks[0])}%` : i === breaks.length ? `≥ ${b(breaks[i - 1])}%` : `${b(breaks[i - 1])}–${b(breaks[i])}%`;
    return `${word} ${range}`;
  }).join(', ');

  const what: PlainWord = { term: t(lang, 'plainWhatTerm'), text: t(lang, 'plainWhatText') };

  if (!ok) {
    const missing: PlainWord = {
      term: t(lang, 'plainMissingTerm'),
      text:
        v.status === 'suppressed'
          ? t(lang, 'plainSuppressedText', { period: periodLabel, area: areaName, min: suppressionMin })
          : t(lang, 'plainNoDataText', { period: periodLabel, area: areaName }),
    };
    return { title: t(lang, 'plainTitle'), items: [what, missing] };
  }

  const p = v.prevalence!;
  const k = classIndex('stunting', p)!;
  const word = CLASS_LABELS[CLASS_KEYS[k]][lang];
  const cls: PlainWord = {
    term: t(lang, 'plainClassTerm', { word }),
    text: t(lang, 'plainClassText', { area: areaName, pct: formatPercent(p, lang), period: periodLabel, perHundred: Math.round(p), word, scale }),
  };
  const ci: PlainWord = {
    term: t(lang, 'plainCiTerm'),
    text: t(lang, 'plainCiText', {
      n: formatNumber(v.n, lang),
      interval: formatInterval(v.ci_low, v.ci_high, lang),
      low: formatPercent(v.ci_low, lang),
      high: formatPercent(v.ci_high, lang),
    }),
  };
  return { title: t(lang, 'plainTitle'), items: [what, cls, ci] };
}
