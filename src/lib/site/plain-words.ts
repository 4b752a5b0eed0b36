/**
 * "Apa arti angka ini? / What do these numbers mean?": a short box on area pages for parents and anyone without a
 * statistics background. Three plain answers built from the area's own figures: what stunting is, what its class
 * (sedang, tinggi …) means, and what the 95% interval means; a suppressed or missing figure is explained instead.
 * Pure: numbers are formatted here, the component only lays the box out.
 */
import type { IndicatorValueJson } from './contract.ts';
import { formatInterval, formatNumber, formatPercent, type Lang } from './format.ts';
import { CLASS_KEYS, CLASS_LABELS, classIndex, thresholdsFor } from './thresholds.ts';

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
  const id = lang === 'id';
  const ok = v.status === 'ok' && v.prevalence !== null;
  const breaks = thresholdsFor('stunting').breaks;
  const b = (x: number) => formatNumber(x, lang, x % 1 ? 1 : 0);
  const scale = CLASS_KEYS.map((k, i) => {
    const word = CLASS_LABELS[k][lang];
    const range = i === 0 ? `< ${b(breaks[0])}%` : i === breaks.length ? `≥ ${b(breaks[i - 1])}%` : `${b(breaks[i - 1])}–${b(breaks[i])}%`;
    return `${word} ${range}`;
  }).join(', ');

  const what: PlainWord = id
    ? {
        term: 'Apa itu stunting?',
        text: 'Anak disebut stunting bila tinggi (atau panjang) badannya jauh di bawah tinggi anak sehat seusianya menurut standar WHO. Biasanya ini tanda kurang gizi atau sering sakit dalam waktu lama, terutama sejak dalam kandungan sampai usia dua tahun. Angka di halaman ini menggambarkan kelompok anak di wilayah ini, bukan diagnosis untuk satu anak: tanyakan tumbuh kembang anak Anda ke posyandu atau puskesmas.',
      }
    : {
        term: 'What is stunting?',
        text: "A child is stunted when their height (or length) is far below that of healthy children of the same age by the WHO standards. It usually points to poor nutrition or frequent illness over a long time, mostly from pregnancy to age two. The figures on this page describe the group of children in this area, not a diagnosis of any one child: ask the posyandu or puskesmas about your child's growth.",
      };

  if (!ok) {
    const missing: PlainWord =
      v.status === 'suppressed'
        ? id
          ? { term: 'Mengapa tidak ada angka?', text: `Pada ${periodLabel} angka ${areaName} disembunyikan: terlalu sedikit anak yang diukur (kurang dari ${suppressionMin}), atau angka lain disembunyikan agar angka itu tidak bisa dihitung ulang. Angka dari sedikit anak sangat tidak pasti dan bisa membuat anak dikenali.` }
          : { term: 'Why is there no figure?', text: `In ${periodLabel} the figure for ${areaName} is suppressed: too few children were measured (fewer than ${suppressionMin}), or it is hidden so that another hidden figure cannot be worked out. A rate from a few children is very uncertain and could identify a child.` }
        : id
          ? { term: 'Mengapa tidak ada angka?', text: `Tidak ada pengukuran yang bisa dipakai untuk ${areaName} pada ${periodLabel}.` }
          : { term: 'Why is there no figure?', text: `There are no usable measurements for ${areaName} in ${periodLabel}.` };
    return { title: id ? 'Apa arti angka ini?' : 'What do these numbers mean?', items: [what, missing] };
  }

  const p = v.prevalence!;
  const k = classIndex('stunting', p)!;
  const word = CLASS_LABELS[CLASS_KEYS[k]][lang];
  const perHundred = Math.round(p);
  const cls: PlainWord = id
    ? {
        term: `Apa arti kelas “${word}”?`,
        text: `Di ${areaName}, ${formatPercent(p, lang)} balita yang diukur pada ${periodLabel} stunting: kira-kira ${perHundred} dari setiap 100 anak. Itu termasuk kelas “${word}” menurut ambang WHO/UNICEF (${scale}). Ambang ini sama untuk semua wilayah dan periode, jadi kelas bisa dibandingkan.`,
      }
    : {
        term: `What does the class “${word}” mean?`,
        text: `In ${areaName}, ${formatPercent(p, lang)} of the children measured in ${periodLabel} were stunted: about ${perHundred} in every 100. That is in the class “${word}” by the WHO/UNICEF thresholds (${scale}). The thresholds are the same for every area and round, so classes can be compared.`,
      };
  const interval = formatInterval(v.ci_low, v.ci_high, lang);
  const ci: PlainWord = id
    ? {
        term: 'Apa arti selang kepercayaan (SK 95%)?',
        text: `Angka dari ${formatNumber(v.n, lang)} anak yang diukur tidak pernah pasti. SK 95% ${interval} berarti angka sebenarnya kemungkinan besar berada di antara ${formatPercent(v.ci_low, lang)} dan ${formatPercent(v.ci_high, lang)}. Makin sedikit anak yang diukur, makin lebar selangnya. Bila selang dua wilayah atau dua periode saling tumpang tindih, bedanya bisa saja hanya kebetulan; karena itu urutan wilayah tidak selalu berarti yang satu benar-benar lebih buruk dari yang lain.`,
      }
    : {
        term: 'What does the confidence interval (95% CI) mean?',
        text: `A rate from the ${formatNumber(v.n, lang)} children measured is never exact. The 95% CI ${interval} means the true rate is most likely between ${formatPercent(v.ci_low, lang)} and ${formatPercent(v.ci_high, lang)}. The fewer children measured, the wider the interval. When the intervals of two areas or two rounds overlap, the difference may be chance; so a ranking of areas does not always mean one is really worse than another.`,
      };
  return { title: id ? 'Apa arti angka ini?' : 'What do these numbers mean?', items: [what, cls, ci] };
}
