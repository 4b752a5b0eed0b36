/**
 * The demo plan: everything about the synthetic region that is decided once, before any child is drawn. Per desa:
 * its under-five population, coverage, nutrition level and trend, posyandu, and which data-entry faults it will
 * show (heavy digit preference, a misspelled name). All draws are keyed by the seed and the area code, so a desa
 * keeps its character whatever else is in the registry.
 *
 * The numbers below are documented choices, not estimates: they make a file that looks and fails like a real
 * e-PPGBM export (see docs in the constants), not a model of any real kabupaten.
 */
import type { Area } from '../types.ts';
import { normaliseName, foldOldSpelling } from '../csv/names.ts';
import { createRng, hash32, type Rng } from './prng.ts';
import { POSYANDU_NAMES } from './names.ts';

// ---- Size and time --------------------------------------------------------------------------------------------

/** First and last demo rounds (February and August, as the national weighing months). */
export const DEMO_FROM = '2022-02';
export const DEMO_TO = '2025-08';
/** Children measured per round in Banyuwangi (217 desa/kelurahan), the reference size; other regions scale by
 * their number of desa unless `childrenPerRound` is given. */
export const BANYUWANGI_CHILDREN_PER_ROUND = 55_000;
export const CHILDREN_PER_DESA = BANYUWANGI_CHILDREN_PER_ROUND / 217;
/** WHO standards end at 1826 days (60 months); children leave the cohort after that. */
export const MAX_AGE_DAYS = 1826;

// ---- Population ------------------------------------------------------------------------------------------------

/** Desa under-five populations are lognormal with this log-SD (a few large desa, many small: a skewed spread). */
export const POPULATION_LOG_SD = 0.55;
/** Kelurahan (urban) are larger on average by this factor. */
export const KELURAHAN_POPULATION_FACTOR = 1.8;
/** Share of desa made very small (3-8 children expected per round) so that suppression below 10 is exercised;
 * at least two per region. */
export const SMALL_DESA_SHARE = 0.015;
/** Per-desa coverage (measured / resident under-fives) is uniform in this range. */
export const COVERAGE_MIN = 0.8;
export const COVERAGE_MAX = 0.95;
/** Children per posyandu (a posyandu typically serves 50-100 under-fives). */
export const CHILDREN_PER_POSYANDU = 70;
/** Share of children measured on their posyandu's day; the rest on another day of the month (sweeping visits). */
export const ON_POSYANDU_DAY_SHARE = 0.8;
/** Moves, each over the child's under-five life: out of the region, into it (born elsewhere, other NIK area
 * digits), and between desa of the region (70% within the same kecamatan). In and out balance. */
export const MOVE_OUT_SHARE = 0.03;
export const MOVE_IN_SHARE = 0.03;
export const MOVE_WITHIN_SHARE = 0.04;

// ---- Nutrition ---------------------------------------------------------------------------------------------------

/** Mean HAZ of the region at the first round before area effects. With the spread below it gives a regional
 * stunting prevalence near 20% in 2022, falling to about 16% by 2025 (routine data in Java are of that order). */
export const HAZ_BASE = -1.05;
/** SD of the kecamatan effect on mean HAZ (clustering: neighbouring desa resemble each other). */
export const HAZ_KECAMATAN_SD = 0.3;
/** SD of the desa effect within its kecamatan. */
export const HAZ_DESA_SD = 0.25;
/** Kelurahan (urban) are better off by this many SD. */
export const HAZ_KELURAHAN_BONUS = 0.25;
/** Share of desa that are hotspots (mean HAZ lowered by HAZ_HOTSPOT_SHIFT: stunting well above 30%), and share that
 * are bright spots (raised by HAZ_BRIGHT_SHIFT: below 2.5%); at least one each, so every WHO class occurs. */
export const HOTSPOT_SHARE = 0.04;
export const HAZ_HOTSPOT_SHIFT = -0.7;
export const BRIGHT_SPOT_SHARE = 0.04;
export const HAZ_BRIGHT_SHIFT = 1.1;
/** Desa mean HAZ (at the first round) is squeezed smoothly into this range (see softClamp): even the worst desa in
 * routine data rarely exceed about 55% stunting, and the best are near 0%. */
export const HAZ_MEAN_MIN = -2.0;
export const HAZ_MEAN_MAX = 0.9;
/** Width of the soft zone at each end of the range. */
export const HAZ_MEAN_SOFT = 0.4;
/** Improvement of mean HAZ per year (a falling stunting prevalence, about 1.3 points a year), with a per-desa SD
 * so that a few desa get worse. */
export const HAZ_TREND_PER_YEAR = 0.07;
export const HAZ_TREND_DESA_SD = 0.04;
/** Year-to-year persistence of a child's own HAZ deviation, per 6-month round (AR(1); stationary SD 1). */
export const HAZ_PERSISTENCE = 0.85;
/** Age pattern of HAZ: linear fall of this many SD from birth to 24 months, flat after, centred near zero over
 * 0-59 months (stunting rises through the first two years, as in every Indonesian survey). */
export const HAZ_AGE_DROP = 0.6;
/** Mean WHZ of the region and its desa SD; child WHZ persistence per round (wasting is more transient). */
export const WHZ_BASE = -0.2;
export const WHZ_DESA_SD = 0.2;
export const WHZ_PERSISTENCE = 0.5;
/** Technical error of measurement: SD of length/height (cm) and weight (kg) around the true value. */
export const LENGTH_ERROR_SD = 0.3;
export const WEIGHT_ERROR_SD = 0.04;

// ---- Data-entry faults (row shares; at most one fault per row, duplicates are extra rows) -----------------------

/** Share of rows with each injected fault. Realistic orders of magnitude for routine exports: a few per thousand
 * each, about 3% of rows in all, below the build's default 20% bad-row limit. */
export const ERROR_SHARES = {
  /** Weight left empty (height still usable: the row is accepted for HAZ). */
  missing_weight: 0.004,
  /** Height left empty (weight-for-age still usable). */
  missing_height: 0.003,
  /** Decimal comma lost in the weight: "105" for 10,5 (only for weights >= 6.5 kg, so it is always > 60 kg). */
  weight_decimal_shift: 0.002,
  /** Decimal comma lost in the height: "855" for 85,5 (always > 150 cm). */
  height_decimal_shift: 0.0015,
  /** Weight typed in the height column and vice versa (only for heights >= 62 cm, so both are implausible). */
  swapped_weight_height: 0.001,
  /** A date that does not exist: 30/02 or 31/02 for a February measurement, 31st of a 30-day month for a birth. */
  impossible_date: 0.001,
  /** Measurement year typed ten years ahead (2032 for 2022): a future date. */
  future_date: 0.0005,
  /** Birth date after the measurement date (1-30 days later). */
  measured_before_birth: 0.0008,
} as const;
/** One kind of injected fault. */
export type ErrorKind = keyof typeof ERROR_SHARES;
/** All fault kinds, in the order their shares are applied. */
export const ERROR_KINDS = Object.keys(ERROR_SHARES) as ErrorKind[];

/** Share of desa whose name has one consistent misspelling (an operator's habit), and the share of that desa's
 * rows that use it. The misspelling matches no desa of the region after name normalisation. */
export const MISSPELLED_DESA_SHARE = 0.06;
export const MISSPELLED_ROW_SHARE = 0.15;
/** Same child measured twice in a round: the row typed twice (identical except the running number), or a second
 * measurement on another day of the month (the later one counts). Shares of clean rows. */
export const DUPLICATE_IDENTICAL_SHARE = 0.004;
export const DUPLICATE_REMEASURED_SHARE = 0.008;

/** Digit preference: share of desa where every posyandu rounds most values to .0/.5 (heavy), share of other
 * posyandu that round some (moderate), and the chance a row's values are rounded in each case. */
export const HEAVY_DIGIT_PREFERENCE_DESA_SHARE = 0.04;
export const MODERATE_DIGIT_PREFERENCE_POSYANDU_SHARE = 0.12;
export const DIGIT_PREFERENCE_RATE = { heavy: 0.8, moderate: 0.35, none: 0.03 } as const;
/** Measured in the other position than the age calls for (lying from 24 months, standing before; the value is
 * what that position gives, 0.7 cm apart), and infants under 9 months recorded as standing (a typing error: the
 * value is their lying length). */
export const POSITION_OTHER_WAY_SHARE = 0.03;
export const INFANT_STANDING_SHARE = 0.005;
/** Share of children recorded with bilateral oedema (rare in Indonesia). */
export const OEDEMA_SHARE = 0.0003;
/** Share of children from 6 months whose mid-upper arm circumference (LiLA) is filled in. */
export const LILA_FILLED_SHARE = 0.6;

// ---- Plan types ---------------------------------------------------------------------------------------------------

/** Options of the demo generator. */
export interface DemoOptions {
  seed: number;
  /** Months of the rounds, default ['02', '08']. */
  rounds?: string[];
  from?: string;
  to?: string;
  /** Children measured per round in the whole region; default CHILDREN_PER_DESA × number of desa. */
  childrenPerRound?: number;
}

/** What the generator needs from the registry (see src/lib/areas.ts `Registry`). */
export interface DemoRegistry {
  region: Area;
  province: { code: string; name: string };
  kecamatan: Area[];
  desa: Area[];
}

/** One posyandu of a desa. */
export interface DemoPosyandu {
  name: string;
  /** Day of the month of its weighing session (clamped to the month's length). */
  day: number;
  /** Chance that a row of this posyandu has its values rounded to .0/.5. */
  digitPreferenceRate: number;
}

/** The planned character of one desa. */
export interface DemoDesa {
  code: string;
  name: string;
  kind: Area['kind'];
  kecamatanCode: string;
  kecamatanName: string;
  /** Name as written in the export (upper case; kelurahan as "KEL. NAME", as e-PPGBM exports show them). */
  exportName: string;
  /** Expected children measured per round. */
  expectedMeasured: number;
  /** Resident under-five population (expected measured / coverage). */
  under5: number;
  coverage: number;
  /** Mean HAZ at the first round (before the age pattern) and its yearly change. */
  hazMean: number;
  hazTrend: number;
  whzMean: number;
  small: boolean;
  hotspot: boolean;
  brightSpot: boolean;
  digitPreference: 'heavy' | 'some' | 'none';
  /** The misspelled name some rows use, or null. */
  misspelling: string | null;
  posyandu: DemoPosyandu[];
}

/** The plan of the whole demo. */
export interface DemoPlan {
  seed: number;
  region: { code: string; name: string; kind: Area['kind'] };
  province: { code: string; name: string };
  /** Periods `YYYY-MM`, ascending. */
  periods: string[];
  childrenPerRound: number;
  /** Desa sorted by code. */
  desa: DemoDesa[];
}

/** The periods of the given round months between from and to (inclusive), ascending. */
export function demoPeriods(rounds: readonly string[] = ['02', '08'], from = DEMO_FROM, to = DEMO_TO): string[] {
  const out: string[] = [];
  const months = [...rounds].sort();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const m of months) {
      const p = `${y}-${m}`;
      if (p >= from && p <= to) out.push(p);
    }
  }
  return out;
}

/** Picks k codes deterministically by hashing each with the seed and a purpose, skipping codes already used. */
function pickCodes(seed: number, purpose: string, codes: string[], k: number, used: Set<string>): Set<string> {
  const ranked = codes
    .filter((c) => !used.has(c))
    .map((c) => ({ c, h: hash32(`${seed}|${purpose}|${c}`) }))
    .sort((a, b) => a.h - b.h || (a.c < b.c ? -1 : 1));
  const out = new Set(ranked.slice(0, k).map((r) => r.c));
  for (const c of out) used.add(c);
  return out;
}

/** Identity between lo + w and hi - w, squeezed by tanh beyond, so that values approach but never pass lo and hi
 * (a hard clamp would pile several desa onto exactly the same mean). */
export function softClamp(x: number, lo: number, hi: number, w: number): number {
  if (x < lo + w) return lo + w - w * Math.tanh((lo + w - x) / w);
  if (x > hi - w) return hi - w + w * Math.tanh((x - (hi - w)) / w);
  return x;
}

/** Levenshtein distance (small strings only: desa names). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length];
}

const VOWEL_SWAP: Record<string, string> = { A: 'E', E: 'I', I: 'E', O: 'U', U: 'O' };

/** One random typing slip on an upper-case name: a dropped, doubled or swapped letter, or a vowel confusion. */
function slip(name: string, rng: Rng): string {
  const letters = [...name].map((c, i) => (/[A-Z]/.test(c) ? i : -1)).filter((i) => i > 0);
  if (letters.length < 2) return `${name}H`;
  const i = rng.pick(letters);
  const drop = () => name.slice(0, i) + name.slice(i + 1);
  switch (rng.int(4)) {
    case 0:
      return drop();
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    case 2:
      if (i + 1 < name.length && /[A-Z]/.test(name[i + 1]) && name[i] !== name[i + 1]) {
        return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
      }
      return drop();
    default: {
      const vowels = letters.filter((k) => VOWEL_SWAP[name[k]] !== undefined);
      if (vowels.length === 0) return drop();
      const k = rng.pick(vowels);
      return name.slice(0, k) + VOWEL_SWAP[name[k]] + name.slice(k + 1);
    }
  }
}

/**
 * A misspelling of a desa name that the area matcher cannot resolve: after normalisation (and the old-spelling
 * fold) it equals no desa name of the region, and it is at least 2 edits from every desa of its kecamatan, so even
 * a one-typo fuzzy matcher would leave it unmatched. Two slips, retried until both hold.
 */
export function misspell(name: string, kecamatanNames: string[], regionKeys: Set<string>, rng: Rng): string {
  const upper = name.toUpperCase();
  const kecKeys = kecamatanNames.map((n) => normaliseName(n));
  for (let attempt = 0; attempt < 50; attempt++) {
    const s = slip(slip(upper, rng), rng);
    const k = normaliseName(s);
    if (k === '' || regionKeys.has(k) || regionKeys.has(foldOldSpelling(k))) continue;
    if (kecKeys.some((o) => editDistance(o, k) < 2)) continue;
    return s;
  }
  return `${upper} XX`;
}

/** Builds the plan for a region: per-desa population, coverage, nutrition and injected faults. Pure and cheap. */
export function planDemo(registry: DemoRegistry, options: DemoOptions): DemoPlan {
  const { seed } = options;
  const periods = demoPeriods(options.rounds ?? ['02', '08'], options.from ?? DEMO_FROM, options.to ?? DEMO_TO);
  if (periods.length === 0) throw new Error('demo: no period between from and to for the given rounds');
  const desaAreas = [...registry.desa].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (desaAreas.length === 0) throw new Error(`demo: region ${registry.region.code} has no desa`);
  const childrenPerRound = Math.round(options.childrenPerRound ?? CHILDREN_PER_DESA * desaAreas.length);
  const kecByCode = new Map(registry.kecamatan.map((k) => [k.code, k]));
  const codes = desaAreas.map((d) => d.code);
  const n = codes.length;

  // Special desa, chosen by hash rank so the choice is stable and independent of draw order.
  const used = new Set<string>();
  const small = pickCodes(seed, 'small', codes, Math.max(2, Math.round(n * SMALL_DESA_SHARE)), used);
  const hot = pickCodes(seed, 'hotspot', codes, Math.max(1, Math.round(n * HOTSPOT_SHARE)), used);
  const bright = pickCodes(seed, 'bright', codes, Math.max(1, Math.round(n * BRIGHT_SPOT_SHARE)), used);
  // Faults are independent of nutrition: a hotspot may also round its values.
  const heavy = pickCodes(seed, 'digits', codes, Math.max(1, Math.round(n * HEAVY_DIGIT_PREFERENCE_DESA_SHARE)), new Set(small));
  const misspelled = pickCodes(seed, 'typo', codes, Math.max(1, Math.round(n * MISSPELLED_DESA_SHARE)), new Set(small));

  const kecEffect = new Map<string, number>();
  for (const k of registry.kecamatan) kecEffect.set(k.code, createRng(seed, 'kec', k.code).normal() * HAZ_KECAMATAN_SD);
  const regionKeys = new Set<string>();
  for (const d of desaAreas) {
    const k = normaliseName(d.name);
    regionKeys.add(k);
    regionKeys.add(foldOldSpelling(k));
  }

  // First pass: population weights (lognormal, seeded by code) and the small desa's fixed sizes.
  const drafts = desaAreas.map((d) => {
    const rng = createRng(seed, 'desa', d.code);
    const urban = d.kind === 'kelurahan';
    const weight = Math.exp(rng.normal() * POPULATION_LOG_SD) * (urban ? KELURAHAN_POPULATION_FACTOR : 1);
    return { d, rng, weight, smallSize: small.has(d.code) ? 3 + rng.int(6) : 0 };
  });
  const smallTotal = drafts.reduce((s, x) => s + x.smallSize, 0);
  const weightTotal = drafts.reduce((s, x) => s + (x.smallSize ? 0 : x.weight), 0);
  const scale = Math.max(0, childrenPerRound - smallTotal) / weightTotal;

  const desa: DemoDesa[] = drafts.map(({ d, rng, weight, smallSize }) => {
    const kec = kecByCode.get(d.parent ?? '');
    const kecCode = d.parent ?? '';
    const expectedMeasured = smallSize || weight * scale;
    const coverage = COVERAGE_MIN + (COVERAGE_MAX - COVERAGE_MIN) * rng.next();
    const under5 = expectedMeasured / coverage;
    let hazMean = HAZ_BASE + (kecEffect.get(kecCode) ?? 0) + rng.normal() * HAZ_DESA_SD;
    if (d.kind === 'kelurahan') hazMean += HAZ_KELURAHAN_BONUS;
    if (hot.has(d.code)) hazMean += HAZ_HOTSPOT_SHIFT;
    if (bright.has(d.code)) hazMean += HAZ_BRIGHT_SHIFT;
    hazMean = softClamp(hazMean, HAZ_MEAN_MIN, HAZ_MEAN_MAX, HAZ_MEAN_SOFT);
    const hazTrend = HAZ_TREND_PER_YEAR + rng.normal() * HAZ_TREND_DESA_SD;
    const whzMean = WHZ_BASE + rng.normal() * WHZ_DESA_SD;
    const digitPreference = heavy.has(d.code) ? 'heavy' : 'none';
    const nPos = Math.max(1, Math.round(under5 / CHILDREN_PER_POSYANDU));
    const first = rng.int(POSYANDU_NAMES.length);
    const posyandu: DemoPosyandu[] = [];
    let some = false;
    for (let k = 0; k < nPos; k++) {
      const moderate = digitPreference === 'none' && rng.chance(MODERATE_DIGIT_PREFERENCE_POSYANDU_SHARE);
      some ||= moderate;
      posyandu.push({
        name: `${POSYANDU_NAMES[(first + k) % POSYANDU_NAMES.length]} ${Math.floor(k / POSYANDU_NAMES.length) + 1}`,
        day: 1 + rng.int(25),
        digitPreferenceRate:
          digitPreference === 'heavy' ? DIGIT_PREFERENCE_RATE.heavy : moderate ? DIGIT_PREFERENCE_RATE.moderate : DIGIT_PREFERENCE_RATE.none,
      });
    }
    const siblings = desaAreas.filter((o) => o.parent === d.parent && o.code !== d.code).map((o) => o.name);
    const upper = d.name.toUpperCase();
    return {
      code: d.code,
      name: d.name,
      kind: d.kind,
      kecamatanCode: kecCode,
      kecamatanName: kec?.name ?? kecCode,
      exportName: d.kind === 'kelurahan' ? `KEL. ${upper}` : upper,
      expectedMeasured,
      under5,
      coverage,
      hazMean,
      hazTrend,
      whzMean,
      small: smallSize > 0,
      hotspot: hot.has(d.code),
      brightSpot: bright.has(d.code),
      digitPreference: digitPreference === 'heavy' ? 'heavy' : some ? 'some' : 'none',
      misspelling: misspelled.has(d.code)
        ? misspell(d.name, [d.name, ...siblings], regionKeys, createRng(seed, 'typo', d.code))
        : null,
      posyandu,
    };
  });

  return {
    seed,
    region: { code: registry.region.code, name: registry.region.name, kind: registry.region.kind },
    province: registry.province,
    periods,
    childrenPerRound,
    desa,
  };
}
