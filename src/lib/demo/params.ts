/**
 * The demo's parameters: every number that shapes the synthetic region, with the reason for its value. These are
 * documented choices, not estimates: they make a file that looks and fails like a real e-PPGBM export, not a model
 * of any real kabupaten. plan.ts applies them per desa, cohort.ts and round.ts per child and row.
 */

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
