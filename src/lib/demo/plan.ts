/**
 * The demo plan: everything about the synthetic region that is decided once, before any child is drawn. Per desa:
 * its under-five population, coverage, nutrition level and trend, posyandu, and which data-entry faults it will
 * show (heavy digit preference, a misspelled name). All draws are keyed by the seed and the area code, so a desa
 * keeps its character whatever else is in the registry. The numbers come from params.ts.
 */
import type { Area } from '../types.ts';
import { normaliseName, foldOldSpelling } from '../csv/names.ts';
import { misspell } from './misspell.ts';
import { createRng, hash32, type Rng } from './prng.ts';
import { POSYANDU_NAMES } from './names.ts';
import {
  BRIGHT_SPOT_SHARE,
  CHILDREN_PER_DESA,
  CHILDREN_PER_POSYANDU,
  COVERAGE_MAX,
  COVERAGE_MIN,
  DEMO_FROM,
  DEMO_TO,
  DIGIT_PREFERENCE_RATE,
  HAZ_BASE,
  HAZ_BRIGHT_SHIFT,
  HAZ_DESA_SD,
  HAZ_HOTSPOT_SHIFT,
  HAZ_KECAMATAN_SD,
  HAZ_KELURAHAN_BONUS,
  HAZ_MEAN_MAX,
  HAZ_MEAN_MIN,
  HAZ_MEAN_SOFT,
  HAZ_TREND_DESA_SD,
  HAZ_TREND_PER_YEAR,
  HEAVY_DIGIT_PREFERENCE_DESA_SHARE,
  HOTSPOT_SHARE,
  KELURAHAN_POPULATION_FACTOR,
  MISSPELLED_DESA_SHARE,
  MODERATE_DIGIT_PREFERENCE_POSYANDU_SHARE,
  POPULATION_LOG_SD,
  SMALL_DESA_SHARE,
  WHZ_BASE,
  WHZ_DESA_SD,
} from './params.ts';

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

/** What the generator needs from the registry (see src/lib/areas.ts `Registry`). The region is a kab/kota, or a
 * province (code `35`, see province.ts) whose kab/kota are then listed in `kabupaten`. */
export interface DemoRegistry {
  region: Pick<Area, 'code' | 'name'> & { kind: DemoRegionKind };
  province: { code: string; name: string };
  /** The kab/kota of a province region (each desa's kab/kota is its kecamatan's parent); absent for a kab/kota. */
  kabupaten?: Area[];
  kecamatan: Area[];
  desa: Area[];
}

/** Kind of the demo's region: a kab/kota, or a whole province. */
export type DemoRegionKind = Area['kind'];

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
  /** Name of the desa's kab/kota (the region's own name when the region is a kab/kota). */
  kabName: string;
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
  region: { code: string; name: string; kind: DemoRegionKind };
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

/** The desa with a special part, chosen by hash rank so the choice is stable and independent of draw order. */
interface SpecialDesa {
  small: Set<string>;
  hot: Set<string>;
  bright: Set<string>;
  heavy: Set<string>;
  misspelled: Set<string>;
}

function specialDesa(seed: number, codes: string[]): SpecialDesa {
  const n = codes.length;
  const used = new Set<string>();
  const small = pickCodes(seed, 'small', codes, Math.max(2, Math.round(n * SMALL_DESA_SHARE)), used);
  const hot = pickCodes(seed, 'hotspot', codes, Math.max(1, Math.round(n * HOTSPOT_SHARE)), used);
  const bright = pickCodes(seed, 'bright', codes, Math.max(1, Math.round(n * BRIGHT_SPOT_SHARE)), used);
  // Faults are independent of nutrition: a hotspot may also round its values.
  const heavy = pickCodes(seed, 'digits', codes, Math.max(1, Math.round(n * HEAVY_DIGIT_PREFERENCE_DESA_SHARE)), new Set(small));
  const misspelled = pickCodes(seed, 'typo', codes, Math.max(1, Math.round(n * MISSPELLED_DESA_SHARE)), new Set(small));
  return { small, hot, bright, heavy, misspelled };
}

/** A desa before its size is scaled: its own random stream, population weight and, for a small desa, its size. */
interface DesaDraft {
  d: Area;
  rng: Rng;
  weight: number;
  smallSize: number;
}

/** What every desa's plan reads besides its own draft. */
interface PlanContext {
  seed: number;
  special: SpecialDesa;
  kecByCode: Map<string, Area>;
  /** Kab/kota names by code (a province region), else the region's name for every desa. */
  kabName: (kecCode: string) => string;
  kecEffect: Map<string, number>;
  /** Normalised names (and their old-spelling folds) of every desa of the region. */
  regionKeys: Set<string>;
  desaAreas: Area[];
  /** Children per unit of population weight. */
  scale: number;
}

/** The posyandu of a desa and whether any of them rounds some values (moderate digit preference). */
function planPosyandu(rng: Rng, under5: number, heavy: boolean): { posyandu: DemoPosyandu[]; some: boolean } {
  const nPos = Math.max(1, Math.round(under5 / CHILDREN_PER_POSYANDU));
  const first = rng.int(POSYANDU_NAMES.length);
  const posyandu: DemoPosyandu[] = [];
  let some = false;
  for (let k = 0; k < nPos; k++) {
    const moderate = !heavy && rng.chance(MODERATE_DIGIT_PREFERENCE_POSYANDU_SHARE);
    some ||= moderate;
    posyandu.push({
      name: `${POSYANDU_NAMES[(first + k) % POSYANDU_NAMES.length]} ${Math.floor(k / POSYANDU_NAMES.length) + 1}`,
      day: 1 + rng.int(25),
      digitPreferenceRate: heavy ? DIGIT_PREFERENCE_RATE.heavy : moderate ? DIGIT_PREFERENCE_RATE.moderate : DIGIT_PREFERENCE_RATE.none,
    });
  }
  return { posyandu, some };
}

/** Mean HAZ of a desa at the first round: region, kecamatan and desa effects, urban bonus, hot or bright spot,
 * squeezed into the plausible range. */
function desaHazMean(ctx: PlanContext, d: Area, rng: Rng): number {
  let hazMean = HAZ_BASE + (ctx.kecEffect.get(d.parent ?? '') ?? 0) + rng.normal() * HAZ_DESA_SD;
  if (d.kind === 'kelurahan') hazMean += HAZ_KELURAHAN_BONUS;
  if (ctx.special.hot.has(d.code)) hazMean += HAZ_HOTSPOT_SHIFT;
  if (ctx.special.bright.has(d.code)) hazMean += HAZ_BRIGHT_SHIFT;
  return softClamp(hazMean, HAZ_MEAN_MIN, HAZ_MEAN_MAX, HAZ_MEAN_SOFT);
}

/** The full plan of one desa from its draft (draws continue on the draft's stream, in a fixed order). */
function planDesa(ctx: PlanContext, { d, rng, weight, smallSize }: DesaDraft): DemoDesa {
  const { special } = ctx;
  const kecCode = d.parent ?? '';
  const expectedMeasured = smallSize || weight * ctx.scale;
  const coverage = COVERAGE_MIN + (COVERAGE_MAX - COVERAGE_MIN) * rng.next();
  const under5 = expectedMeasured / coverage;
  const hazMean = desaHazMean(ctx, d, rng);
  const hazTrend = HAZ_TREND_PER_YEAR + rng.normal() * HAZ_TREND_DESA_SD;
  const whzMean = WHZ_BASE + rng.normal() * WHZ_DESA_SD;
  const heavy = special.heavy.has(d.code);
  const { posyandu, some } = planPosyandu(rng, under5, heavy);
  // Siblings only for a misspelled desa (a province has 8,000+ desa: listing them for every desa is quadratic).
  const siblings = () => ctx.desaAreas.filter((o) => o.parent === d.parent && o.code !== d.code).map((o) => o.name);
  const upper = d.name.toUpperCase();
  return {
    code: d.code,
    name: d.name,
    kind: d.kind,
    kecamatanCode: kecCode,
    kecamatanName: ctx.kecByCode.get(kecCode)?.name ?? kecCode,
    kabName: ctx.kabName(kecCode),
    exportName: d.kind === 'kelurahan' ? `KEL. ${upper}` : upper,
    expectedMeasured,
    under5,
    coverage,
    hazMean,
    hazTrend,
    whzMean,
    small: smallSize > 0,
    hotspot: special.hot.has(d.code),
    brightSpot: special.bright.has(d.code),
    digitPreference: heavy ? 'heavy' : some ? 'some' : 'none',
    misspelling: special.misspelled.has(d.code)
      ? misspell(d.name, [d.name, ...siblings()], ctx.regionKeys, createRng(ctx.seed, 'typo', d.code))
      : null,
    posyandu,
  };
}

/** Builds the plan for a region: per-desa population, coverage, nutrition and injected faults. Pure and cheap. */
export function planDemo(registry: DemoRegistry, options: DemoOptions): DemoPlan {
  const { seed } = options;
  const periods = demoPeriods(options.rounds ?? ['02', '08'], options.from ?? DEMO_FROM, options.to ?? DEMO_TO);
  if (periods.length === 0) throw new Error('demo: no period between from and to for the given rounds');
  const desaAreas = [...registry.desa].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (desaAreas.length === 0) throw new Error(`demo: region ${registry.region.code} has no desa`);
  const childrenPerRound = Math.round(options.childrenPerRound ?? CHILDREN_PER_DESA * desaAreas.length);
  const special = specialDesa(seed, desaAreas.map((d) => d.code));

  const kecEffect = new Map<string, number>();
  for (const k of registry.kecamatan) kecEffect.set(k.code, createRng(seed, 'kec', k.code).normal() * HAZ_KECAMATAN_SD);
  const regionKeys = new Set<string>();
  for (const d of desaAreas) {
    const k = normaliseName(d.name);
    regionKeys.add(k);
    regionKeys.add(foldOldSpelling(k));
  }

  // First pass: population weights (lognormal, seeded by code) and the small desa's fixed sizes.
  const drafts: DesaDraft[] = desaAreas.map((d) => {
    const rng = createRng(seed, 'desa', d.code);
    const urban = d.kind === 'kelurahan';
    const weight = Math.exp(rng.normal() * POPULATION_LOG_SD) * (urban ? KELURAHAN_POPULATION_FACTOR : 1);
    return { d, rng, weight, smallSize: special.small.has(d.code) ? 3 + rng.int(6) : 0 };
  });
  const smallTotal = drafts.reduce((s, x) => s + x.smallSize, 0);
  const weightTotal = drafts.reduce((s, x) => s + (x.smallSize ? 0 : x.weight), 0);
  const scale = Math.max(0, childrenPerRound - smallTotal) / weightTotal;
  const kecByCode = new Map(registry.kecamatan.map((k) => [k.code, k]));
  const kabByCode = new Map((registry.kabupaten ?? []).map((k) => [k.code, k.name]));
  const kabName = (kecCode: string) => kabByCode.get(kecByCode.get(kecCode)?.parent ?? kecCode.slice(0, 5)) ?? registry.region.name;
  const ctx: PlanContext = { seed, special, kecByCode, kabName, kecEffect, regionKeys, desaAreas, scale };

  return {
    seed,
    region: { code: registry.region.code, name: registry.region.name, kind: registry.region.kind },
    province: registry.province,
    periods,
    childrenPerRound,
    desa: drafts.map((draft) => planDesa(ctx, draft)),
  };
}
