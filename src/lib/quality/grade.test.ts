import { describe, expect, it } from 'vitest';
import { addObservation, createQualityAccumulator, setTarget } from './accumulator.ts';
import { MIN_N_GRADE, gradeQuality, levelAbove, levelBelow, type QualityReasonCode } from './grade.ts';
import { qualityMetrics, type QualityMetrics } from './metrics.ts';
import { population } from '../../../test/helpers/quality-population.ts';

/** Metrics of a clean area of 500 children; each test changes one thing. */
function good(): QualityMetrics {
  const m = qualityMetrics(createQualityAccumulator());
  m.children = 500;
  for (const k of ['haz', 'waz', 'whz', 'bmiz'] as const) {
    m.indices[k] = { valid: 500, flagged: 0, flaggedPct: 0, n: 500, mean: -1, sd: 1, skewness: 0, kurtosis: 0 };
  }
  m.sex = { boys: 256, girls: 244, ratio: 256 / 244, expectedRatio: 1.05, p: 0.9 };
  m.heightDigits = { n: 500, counts: new Array(10).fill(50), dps: 0, dpsRaw: 0, topDigit: 0, topDigitPct: 10 };
  m.weightDigits = { ...m.heightDigits };
  m.age.birthday = { eligible: 400, count: 1, pct: 0.25, expectedPct: 100 / 365.25, index: 0.9, p: 0.6 };
  m.age.firstOfMonth = { eligible: 500, count: 16, pct: 3.2, expectedPct: 1200 / 365.25, index: 0.97, p: 0.5 };
  m.under9m = { withPosition: 70, standing: 0, pct: 0 };
  m.missing = { weight: 0, height: 0, weightPct: 0, heightPct: 0 };
  m.coverage = { target: 550, pct: 90.9 };
  m.rejected = { total: 0, byReason: {}, pct: 0 };
  return m;
}

function codes(m: QualityMetrics): string[] {
  return gradeQuality(m).reasons.map((r) => `${r.code}:${r.level}`);
}

describe('level helpers', () => {
  it('strictly beyond a cut-off', () => {
    expect(levelAbove(1, [1, 2, 5])).toEqual({ level: 0, threshold: 1 });
    expect(levelAbove(1.01, [1, 2, 5])).toEqual({ level: 1, threshold: 1 });
    expect(levelAbove(5.01, [1, 2, 5])).toEqual({ level: 3, threshold: 5 });
    expect(levelBelow(80, [80, 60, 40])).toEqual({ level: 0, threshold: 80 });
    expect(levelBelow(59.9, [80, 60, 40])).toEqual({ level: 2, threshold: 60 });
  });
});

describe('gradeQuality', () => {
  it('a clean area is baik with no reasons', () => {
    expect(gradeQuality(good())).toEqual({ grade: 'baik', n: 500, reasons: [] });
  });

  it('is not graded below the minimum n, and graded at it', () => {
    const m = good();
    m.children = MIN_N_GRADE - 1;
    const g = gradeQuality(m);
    expect(g.grade).toBe('tidak_dinilai');
    expect(g.reasons.map((r) => r.code)).toEqual(['small_n']);
    expect(g.reasons[0].threshold).toBe(MIN_N_GRADE);
    m.children = MIN_N_GRADE;
    expect(gradeQuality(m).grade).toBe('baik');
  });

  it('% flagged boundaries 1 / 2 / 5', () => {
    const at = (v: number) => {
      const m = good();
      m.indices.haz.flaggedPct = v;
      return gradeQuality(m).grade;
    };
    expect(at(1)).toBe('baik');
    expect(at(1.01)).toBe('cukup');
    expect(at(2)).toBe('cukup');
    expect(at(2.01)).toBe('lemah');
    expect(at(5)).toBe('lemah');
    expect(at(5.01)).toBe('sangat_lemah');
  });

  it('SD boundaries: 0.8 (SMART), 1.2 (SMART), 95th percentile of DHS surveys (Mei & Grummer-Strawn)', () => {
    const at = (k: 'haz' | 'waz' | 'whz', v: number) => {
      const m = good();
      m.indices[k].sd = v;
      return codes(m);
    };
    expect(at('haz', 0.8)).toEqual([]);
    expect(at('haz', 0.79)).toEqual(['haz_sd_low:2']);
    expect(at('haz', 1.2)).toEqual([]);
    expect(at('haz', 1.21)).toEqual(['haz_sd_high:1']);
    expect(at('haz', 1.95)).toEqual(['haz_sd_high:1']);
    expect(at('haz', 1.96)).toEqual(['haz_sd_high:2']);
    expect(at('waz', 1.46)).toEqual(['waz_sd_high:1']);
    expect(at('waz', 1.47)).toEqual(['waz_sd_high:2']);
    expect(at('whz', 1.5)).toEqual(['whz_sd_high:1']);
    expect(at('whz', 1.51)).toEqual(['whz_sd_high:2']);
  });

  it('BMIZ is reported but not graded', () => {
    const m = good();
    m.indices.bmiz.flaggedPct = 10;
    m.indices.bmiz.sd = 3;
    expect(gradeQuality(m).grade).toBe('baik');
  });

  it('digit preference boundaries 12 / 20 / 40 (SMART classes)', () => {
    const at = (v: number) => {
      const m = good();
      m.heightDigits.dps = v;
      return codes(m);
    };
    expect(at(12)).toEqual([]);
    expect(at(12.1)).toEqual(['height_digit_preference:1']);
    expect(at(20.1)).toEqual(['height_digit_preference:2']);
    expect(at(40.1)).toEqual(['height_digit_preference:3']);
    const m = good();
    m.weightDigits.dps = 25;
    expect(codes(m)).toEqual(['weight_digit_preference:2']);
  });

  it('age heaping needs both an excess and p < 0.001', () => {
    const m = good();
    m.age.birthday = { eligible: 400, count: 30, pct: 7.5, expectedPct: 100 / 365.25, index: 27, p: 0.002 };
    expect(codes(m)).toEqual([]);
    m.age.birthday.p = 1e-9;
    expect(codes(m)).toEqual(['age_birthday_heaping:2']); // 7.23 pp excess > 5
    m.age.birthday.pct = 2 + 100 / 365.25;
    expect(codes(m)).toEqual([]);
    m.age.birthday.pct = 2.01 + 100 / 365.25;
    expect(codes(m)).toEqual(['age_birthday_heaping:1']);
    const f = good();
    f.age.firstOfMonth = { eligible: 500, count: 150, pct: 30, expectedPct: 1200 / 365.25, index: 9, p: 1e-20 };
    expect(codes(f)).toEqual(['birth_first_of_month:2']);
  });

  it('sex ratio: p <= 0.001 is cukup, and lemah outside 0.9-1.2', () => {
    const m = good();
    m.sex = { boys: 5500, girls: 5000, ratio: 1.1, expectedRatio: 1.05, p: 0.0011 };
    expect(codes(m)).toEqual([]);
    m.sex.p = 0.001;
    expect(codes(m)).toEqual(['sex_ratio:1']);
    m.sex.ratio = 1.21;
    expect(codes(m)).toEqual(['sex_ratio:2']);
    m.sex.ratio = 0.89;
    expect(gradeQuality(m).reasons[0].threshold).toBe(0.9);
  });

  it('infants measured standing, only with at least 20 infants', () => {
    const m = good();
    m.under9m = { withPosition: 50, standing: 1, pct: 2 };
    expect(codes(m)).toEqual([]);
    m.under9m = { withPosition: 50, standing: 2, pct: 4 };
    expect(codes(m)).toEqual(['under9m_standing:1']);
    m.under9m = { withPosition: 50, standing: 6, pct: 12 };
    expect(codes(m)).toEqual(['under9m_standing:2']);
    m.under9m = { withPosition: 19, standing: 19, pct: 100 };
    expect(codes(m)).toEqual([]);
  });

  it('missing, coverage and rejected rows', () => {
    const m = good();
    m.missing.heightPct = 5.5;
    m.coverage.pct = 59;
    m.rejected.pct = 16;
    expect(codes(m)).toEqual(['rejected_rows:3', 'height_missing:2', 'coverage_low:2']);
    expect(gradeQuality(m).grade).toBe('sangat_lemah');
    const o = good();
    o.coverage.pct = 110.1;
    expect(codes(o)).toEqual(['coverage_over_target:1']);
    o.coverage.pct = 110;
    expect(codes(o)).toEqual([]);
  });

  it('the grade is the worst check; reasons are worst first with bilingual messages', () => {
    const m = good();
    m.indices.haz.sd = 1.3; // cukup
    m.heightDigits.dps = 22.5; // lemah
    const g = gradeQuality(m);
    expect(g.grade).toBe('lemah');
    expect(g.reasons.map((r) => r.code)).toEqual<QualityReasonCode[]>(['height_digit_preference', 'haz_sd_high']);
    expect(g.reasons[0].message.id).toContain('22,5');
    expect(g.reasons[0].message.en).toContain('22.5');
    expect(g.reasons[0].message.en).toContain('limit 20.0');
  });

  it('prints a value next to its limit with enough decimals to tell them apart', () => {
    const m = good();
    m.coverage.pct = 79.96;
    expect(gradeQuality(m).reasons[0].message.id).toContain('nilai 79,96%; batas 80,0%');
  });
});

describe('end to end on synthetic populations', () => {
  it('a clean simulated population is baik; rounding every height to whole cm makes it sangat lemah', () => {
    const acc = createQualityAccumulator();
    const rounded = createQualityAccumulator();
    for (const o of population(2000, 11)) {
      addObservation(acc, o);
      addObservation(rounded, { ...o, heightDigit: 0 });
    }
    setTarget(acc, 2100);
    setTarget(rounded, 2100);
    expect(gradeQuality(qualityMetrics(acc))).toEqual({ grade: 'baik', n: 2000, reasons: [] });
    const g = gradeQuality(qualityMetrics(rounded));
    expect(g.grade).toBe('sangat_lemah');
    expect(g.reasons.map((r) => r.code)).toEqual(['height_digit_preference']);
  });
  it('a population with a 2.2 times wider HAZ spread gets haz_sd_high (lemah)', () => {
    const acc = createQualityAccumulator();
    for (const o of population(2000, 12)) addObservation(acc, { ...o, zlen: o.zlen === null ? null : Math.round((o.zlen + 1) * 220 - 100) / 100 });
    const g = gradeQuality(qualityMetrics(acc));
    expect(g.reasons.map((r) => `${r.code}:${r.level}`)).toContain('haz_sd_high:2');
  });
});
