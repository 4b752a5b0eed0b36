/** The plain words for parents on area pages (src/lib/site/plain-words.ts): what stunting is, what the class and the interval mean. */
import type { Strings } from './lookup.ts';

export const PLAIN = {
  plainTitle: { id: 'Apa arti angka ini?', en: 'What do these numbers mean?' },
  plainWhatTerm: { id: 'Apa itu stunting?', en: 'What is stunting?' },
  plainWhatText: {
    id: 'Anak disebut stunting bila tinggi (atau panjang) badannya jauh di bawah tinggi anak sehat seusianya menurut standar WHO. Biasanya ini tanda kurang gizi atau sering sakit dalam waktu lama, terutama sejak dalam kandungan sampai usia dua tahun. Angka di halaman ini menggambarkan kelompok anak di wilayah ini, bukan diagnosis untuk satu anak: tanyakan tumbuh kembang anak Anda ke posyandu atau puskesmas.',
    en: 'A child is stunted when their height (or length) is far below that of healthy children of the same age by the WHO standards. It usually points to poor nutrition or frequent illness over a long time, mostly from pregnancy to age two. The figures on this page describe the group of children in this area, not a diagnosis of any one child: ask the posyandu or puskesmas about your child\'s growth.',
  },
  plainMissingTerm: { id: 'Mengapa tidak ada angka?', en: 'Why is there no figure?' },
  plainSuppressedText: {
    id: 'Pada {period} angka {area} disembunyikan: terlalu sedikit anak yang diukur (kurang dari {min}), atau angka lain disembunyikan agar angka itu tidak bisa dihitung ulang. Angka dari sedikit anak sangat tidak pasti dan bisa membuat anak dikenali.',
    en: 'In {period} the figure for {area} is suppressed: too few children were measured (fewer than {min}), or it is hidden so that another hidden figure cannot be worked out. A rate from a few children is very uncertain and could identify a child.',
  },
  plainNoDataText: {
    id: 'Tidak ada pengukuran yang bisa dipakai untuk {area} pada {period}.',
    en: 'There are no usable measurements for {area} in {period}.',
  },
  plainClassTerm: { id: 'Apa arti kelas “{word}”?', en: 'What does the class “{word}” mean?' },
  plainClassText: {
    id: 'Di {area}, {pct} balita yang diukur pada {period} stunting: kira-kira {perHundred} dari setiap 100 anak. Itu termasuk kelas “{word}” menurut ambang WHO/UNICEF ({scale}). Ambang ini sama untuk semua wilayah dan periode, jadi kelas bisa dibandingkan.',
    en: 'In {area}, {pct} of the children measured in {period} were stunted: about {perHundred} in every 100. That is in the class “{word}” by the WHO/UNICEF thresholds ({scale}). The thresholds are the same for every area and round, so classes can be compared.',
  },
  plainCiTerm: { id: 'Apa arti selang kepercayaan (SK 95%)?', en: 'What does the confidence interval (95% CI) mean?' },
  plainCiText: {
    id: 'Angka dari {n} anak yang diukur tidak pernah pasti. SK 95% {interval} berarti angka sebenarnya kemungkinan besar berada di antara {low} dan {high}. Makin sedikit anak yang diukur, makin lebar selangnya. Bila selang dua wilayah atau dua periode saling tumpang tindih, bedanya bisa saja hanya kebetulan; karena itu urutan wilayah tidak selalu berarti yang satu benar-benar lebih buruk dari yang lain.',
    en: 'A rate from the {n} children measured is never exact. The 95% CI {interval} means the true rate is most likely between {low} and {high}. The fewer children measured, the wider the interval. When the intervals of two areas or two rounds overlap, the difference may be chance; so a ranking of areas does not always mean one is really worse than another.',
  },
} satisfies Strings;
