/**
 * HTML strings of the map's legend, data table rows and CSS, written by one function each so that the build-time
 * components and the browser (after a level/indicator/period change) produce the same markup. Colours come only
 * from thresholds.ts. Every text is escaped.
 */
import {
  CLASS_COLORS,
  COVERAGE_COLORS,
  NO_DATA,
  NOT_MEASURED,
  NOT_MEASURED_PATTERN_ID,
  STROKE,
  SUPPRESSED,
  SUPPRESSED_PATTERN_ID,
  textColorOn,
  type LegendItem,
} from './thresholds.ts';
import { formatInterval, formatNumber, type Lang } from './format.ts';
import { qualityMark, statusText, valueText, type MapRow } from './map-model.ts';
import { MAP } from '../i18n/map.ts';
import { text } from '../i18n/lookup.ts';
import { fractionText, isCoverage, reportingText, type MapIndicatorRef } from './map-indicator.ts';

/** `s` with `& < > " '` escaped for HTML text and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CSS class of a row's style: `c0`..`c4` (prevalence), `k0`..`k4` (coverage), `sup`, `nod`, `nom`. */
export function styleClass(row: Pick<MapRow, 'cls'>): string {
  const k = row.cls;
  return k.kind === 'class' ? k.css : k.kind === 'suppressed' ? 'sup' : k.kind === 'no_data' ? 'nod' : 'nom';
}

/** Classes of a map path: the raw style, `u` when the raw interval spans classes, and the smoothed style prefixed
 * `s` (`s0`..`s4`, `ssup`, `snod`, `snom`) with `su` when the smoothed interval spans classes. The CSS of mapCss()
 * shows the smoothed ones while the map's "smoothed" checkbox is checked (no JavaScript needed). */
export function pathClasses(row: Pick<MapRow, 'cls' | 'smoothedCls' | 'uncertain' | 'smoothedUncertain'>): string {
  const sc = row.smoothedCls;
  const smooth = sc.kind === 'class' ? `s${sc.index}` : `s${styleClass({ cls: sc })}`;
  return `${styleClass(row)}${row.uncertain ? ' u' : ''} ${smooth}${row.smoothedUncertain ? ' su' : ''}`;
}

/** Opacity of an area whose 95% interval spans more than one class (over the map background). */
export const UNCERTAIN_OPACITY = 0.55;
/** Background behind the map's areas (static frame and MapLibre background layer). */
export const MAP_BACKGROUND = '#f4f5f7';

/** The colour an uncertain area of class colour `hex` shows: `hex` at UNCERTAIN_OPACITY over MAP_BACKGROUND. */
export function lighterTone(hex: string): string {
  const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [a, b] = [rgb(hex), rgb(MAP_BACKGROUND)];
  return `#${a.map((v, i) => Math.round(UNCERTAIN_OPACITY * v + (1 - UNCERTAIN_OPACITY) * b[i]).toString(16).padStart(2, '0')).join('')}`;
}

/** The selector prefix that is active while a map shows smoothed values. */
export const SMOOTHED_ON = '.chm:has(input[data-map-smooth]:checked)';

/** `<defs>` with the suppressed hatch and the not-measured dots, for an SVG map. */
export function patternDefs(): string {
  return (
    `<defs><pattern id="${SUPPRESSED_PATTERN_ID}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${SUPPRESSED.fill}"/><path d="M1 0v6" stroke="${SUPPRESSED.hatch}" stroke-width="1.6"/></pattern>` +
    `<pattern id="${NOT_MEASURED_PATTERN_ID}" patternUnits="userSpaceOnUse" width="6" height="6">` +
    `<rect width="6" height="6" fill="${NOT_MEASURED.fill}"/><circle cx="3" cy="3" r="1" fill="${NOT_MEASURED.dot}"/></pattern></defs>`
  );
}

/** The stylesheet of maps, legends and badges (class names prefixed `chm-`), generated from the colour source. */
export function mapCss(): string {
  const rules: string[] = [];
  CLASS_COLORS.forEach((c, i) => {
    rules.push(`.chm-svg .c${i}{fill:${c}}`, `.chm-b.c${i},.chm-sw.c${i}{background:${c};color:${textColorOn(c)}}`);
  });
  rules.push(
    `.chm-svg .sup{fill:url(#${SUPPRESSED_PATTERN_ID})}`,
    `.chm-svg .nod{fill:${NO_DATA.fill}}`,
    `.chm-svg .nom{fill:url(#${NOT_MEASURED_PATTERN_ID})}`,
    `.chm-b.sup,.chm-sw.sup{background:repeating-linear-gradient(45deg,${SUPPRESSED.fill} 0 3px,${SUPPRESSED.hatch} 3px 4.5px);color:${SUPPRESSED.text}}`,
    `.chm-b.sup{background:${SUPPRESSED.fill};outline:1px dashed ${SUPPRESSED.hatch};outline-offset:-1px}`,
    `.chm-b.nod,.chm-sw.nod{background:${NO_DATA.fill};color:${NO_DATA.text}}`,
    `.chm-b.nom,.chm-sw.nom{background:${NOT_MEASURED.fill} radial-gradient(${NOT_MEASURED.dot} 1px,transparent 1.3px) 0 0/6px 6px;color:${NOT_MEASURED.text};outline:1px solid ${NOT_MEASURED.dot};outline-offset:-1px}`,
    `.chm-svg .a path{stroke:${STROKE.area};stroke-width:.6;stroke-linejoin:round}`,
    // Uncertain colour: the 95% interval spans more than one class, so the area is drawn in a lighter tone.
    // Explicit colours rather than an opacity, so that a downloaded image (on white) shows the tone of the screen.
    ...CLASS_COLORS.map((c, i) => `.chm-svg .c${i}.u{fill:${lighterTone(c)}}`),
    // The convergence (coverage) palette, `k0` light .. `k4` dark (thresholds.ts, coverageScale()).
    ...COVERAGE_COLORS.flatMap((c, i) => [`.chm-svg .k${i}{fill:${c}}`, `.chm-b.k${i},.chm-sw.k${i}{background:${c};color:${textColorOn(c)}}`]),
    `.chm-sw.unc{background:${lighterTone(CLASS_COLORS[3])}}`,
    ...CLASS_COLORS.map((c, i) => `${SMOOTHED_ON} .chm-svg .s${i}{fill:${c}}`),
    `${SMOOTHED_ON} .chm-svg .snod{fill:${NO_DATA.fill}}`,
    `${SMOOTHED_ON} .chm-svg .ssup{fill:url(#${SUPPRESSED_PATTERN_ID})}`,
    `${SMOOTHED_ON} .chm-svg .snom{fill:url(#${NOT_MEASURED_PATTERN_ID})}`,
    ...CLASS_COLORS.map((c, i) => `${SMOOTHED_ON} .chm-svg .s${i}.su{fill:${lighterTone(c)}}`),
    `${SMOOTHED_ON} [data-map-legend-raw]{display:none}`,
    `.chm:not(:has(input[data-map-smooth]:checked)) [data-map-legend-smooth]{display:none}`,
    `.chm-smt{display:flex;align-items:center;gap:.4rem;font-size:.9rem;margin:.25rem 0 .5rem}`,
    `.chm-smt input{width:1.1rem;height:1.1rem;margin:0}`,
    `.chm-svg .a:hover path,.chm-svg .a:focus path{stroke:${STROKE.highlight};stroke-width:1.5}`,
    `.chm-svg .kb{fill:none;stroke:${STROKE.parent};stroke-width:1;stroke-linejoin:round;pointer-events:none}`,
    `.chm-svg .ob{fill:none;stroke:${STROKE.parent};stroke-width:1.2;pointer-events:none}`,
    `.chm-svg .hl{fill:none;stroke:${STROKE.highlight};stroke-width:2.5;pointer-events:none}`,
    `.chm-svg .lk{fill:${STROKE.lokus};stroke:#fff;stroke-width:1;pointer-events:none}`,
    `.chm-sw.lk{background:radial-gradient(circle,${STROKE.lokus} 3px,#fff 3.1px 4px,transparent 4.1px)}`,
    `.chm-tip .chm-tq{color:#7d3510;font-weight:600}`,
    `.chm-q{flex:none;width:1.4rem;text-align:center;color:#7d3510;font-weight:700}`,
    `.chm-qm{display:inline-block;font-size:.72rem;font-weight:600;color:#7d3510;background:#fde9dc;border:1px solid #b4501a;border-radius:999px;padding:0 .35rem;white-space:nowrap}`,
  );
  return rules.join('');
}

/** Legend strings. */
const L = {
  id: { areas: 'wilayah', lokus: 'desa lokus (titik)', note: 'Jumlah wilayah per kelas', weak: 'kualitas data lemah (lihat tabel)' },
  en: { areas: 'areas', lokus: 'priority village (dot)', note: 'Number of areas per class', weak: 'weak data quality (see table)' },
} as const;

/** The legend row of the lighter tone. */
const UNCERTAIN = {
  id: 'warna lebih muda: selang 95% mencakup lebih dari satu kelas',
  en: 'lighter tone: the 95% interval spans more than one class',
} as const;

/** The legend's heading: `title`, else "Keterangan"/"Legend", with ": smoothed figures" for the smoothed colouring. */
export function legendHeading(lang: Lang, title: string | undefined, smoothed: boolean): string {
  return (title ?? text(MAP, lang, 'legend')) + (smoothed ? text(MAP, lang, 'legendSmoothed') : '');
}

/** The note beside the heading when the legend shows counts of areas, else ''. */
export function legendCountNote(lang: Lang, counts: boolean): string {
  return counts ? text(MAP, lang, 'legendCounts') : '';
}

/** The legend as an HTML list: swatch, label, count of areas; plus the desa lokus row when `lokusCount` is given. */
export function legendHtml(items: readonly LegendItem[], lang: Lang, lokusCount?: number | null, weakCount?: number | null, uncertainCount?: number | null): string {
  const li = (cls: string, label: string, count: number | null) =>
    `<li><span class="chm-sw ${cls}" aria-hidden="true"></span><span class="chm-ll">${esc(label)}</span>` +
    (count === null ? '' : `<span class="chm-lc">${formatNumber(count, lang)}</span>`) +
    `</li>`;
  let html = '';
  for (const it of items) html += li(it.css, it.label, it.count);
  if (uncertainCount !== undefined && uncertainCount !== null) html += li('unc', UNCERTAIN[lang], uncertainCount);
  if (lokusCount !== undefined && lokusCount !== null) html += li('lk', L[lang].lokus, lokusCount);
  if (weakCount) html += `<li><span class="chm-q" aria-hidden="true">⚠</span><span class="chm-ll">${esc(L[lang].weak)}</span><span class="chm-lc">${formatNumber(weakCount, lang)}</span></li>`;
  return html;
}

/** One `<tr>` per row: area link, kecamatan (when `withParent`), value, CI, n, class/status badge, lokus mark. */
export function tableRowsHtml(
  rows: readonly MapRow[],
  opts: { lang: Lang; indicator: MapIndicatorRef; href: (code: string) => string; withParent: boolean },
): string {
  const { lang, indicator } = opts;
  const lokusWord = text(MAP, lang, 'lokusMark');
  const coverage = isCoverage(indicator);
  let html = '';
  for (const r of rows) {
    const s = statusText(r, indicator, lang) || valueText(r, lang);
    const reported = coverage ? reportingText(r.reporting, lang) : null;
    const badge = `<span class="chm-b ${styleClass(r)}">${esc(r.value === null ? valueText(r, lang) : s)}</span>` + (reported ? ` <small class="chm-rep">${esc(reported)}</small>` : '');
    const n = coverage ? fractionText(r.numerator, r.n, lang) : r.n === null ? null : formatNumber(r.n, lang);
    html +=
      `<tr data-code="${esc(r.code)}">` +
      `<th scope="row"><a href="${esc(opts.href(r.code))}">${esc(r.name)}</a>${r.lokus ? ` <small class="chm-lok">${lokusWord}</small>` : ''}` +
      (r.quality ? ` <small class="chm-qm"><span aria-hidden="true">⚠</span> ${esc(qualityMark(r.quality, lang))}</small>` : '') +
      `</th>` +
      (opts.withParent ? `<td>${esc(r.parentName ?? '')}</td>` : '') +
      `<td class="num" data-v="${r.value ?? ''}">${r.value === null ? '–' : formatNumber(r.value, lang, 1)}</td>` +
      `<td class="num">${r.value === null ? '–' : formatInterval(r.ciLow, r.ciHigh, lang)}</td>` +
      `<td class="num" data-v="${r.n ?? ''}">${n ?? '–'}</td>` +
      `<td>${badge}</td></tr>`;
  }
  return html;
}
