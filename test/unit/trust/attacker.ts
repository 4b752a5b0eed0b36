/**
 * The disclosure attacker of the trust tests: reads a published data folder (`data/v1/`) the way an outsider would
 * and tries to narrow every hidden count to one value. It knows only the published files and the documented method:
 *
 * - every value any file publishes (tidy CSV, per-area series with breakdowns, map files, quality JSON and CSV);
 * - the documented sums: desa → kecamatan → kabupaten, sexes → area, age groups → area, each sex/age cell of the
 *   kecamatan → the same cell of the kabupaten; for measured children, for each indicator's denominator n, its
 *   cases, and its non-cases (n − cases);
 * - that indicators on the same z-score share one denominator (stunting and severe stunting; wasting, severe
 *   wasting and overweight), that severe ≤ moderate, wasting + overweight ≤ n, and n ≤ children measured;
 * - what a suppression label says: `primary` = fewer than the minimum children in that cell, `complementary` =
 *   at least the minimum (hidden to protect another count);
 * - the quality figures: a published area's children, and its z-score counts and missing-measurement shares, from
 *   which it learns (where the relation holds for every published cell) an indicator's n from measured, missing
 *   and flagged counts.
 *
 * Every subtraction is one of these linear relations; the attacker propagates interval bounds through all of them
 * until nothing changes (bounds consistency), which finds every value that any chain of subtractions pins down.
 * Written independently of src/lib/aggregate, from the files alone.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { impliedZeros, propagateAll, Variables, type Constraint } from './bounds.ts';

const FAMILIES: Record<string, string[]> = {
  zlen: ['stunting', 'severe_stunting'],
  zwfl: ['wasting', 'severe_wasting', 'overweight'],
  zwei: ['underweight'],
};
const FAMILY_OF: Record<string, string> = Object.fromEntries(Object.entries(FAMILIES).flatMap(([f, ids]) => ids.map((i) => [i, f])));
const INDICATORS = Object.values(FAMILIES).flat();
const SEXES = ['sex:1', 'sex:2'];

interface IndicatorJson {
  n: number | null;
  cases: number | null;
  status: string;
  suppression?: string;
}

/** One narrowed hidden value: the variable (`period|code|category|name`) and the single value it must have. */
export interface Finding {
  key: string;
  value: number;
}

export interface AttackResult {
  /** Hidden values the attacker narrowed to one value. */
  narrowed: Finding[];
  /** Hidden zeros that published zeros imply by themselves (no suppression of parts can hide them). */
  implied: Finding[];
  /** Hidden variables in total. */
  hidden: number;
  /** Groups (a published non-zero total with hidden parts) whose hidden parts' cases add up to 0, per indicator. */
  zeroCaseGroups: number;
  /** Groups with hidden parts, per indicator (the denominator of zeroCaseGroups). */
  hiddenGroups: number;
  /** Variables whose bounds became empty: the published files contradict the attacker's model (a bug). */
  contradictions: string[];
}

/** The key of a variable. */
const K = (p: string, code: string, cat: string, name: string) => `${p}|${code}|${cat}|${name}`;

interface AreaRow {
  code: string;
  parent: string | null;
  level: string;
}

/** Runs the attack on a published folder (the one holding meta.json). */
export function attack(dir: string): AttackResult {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { periods: string[]; suppression_min: number };
  const areas = JSON.parse(readFileSync(join(dir, 'areas.json'), 'utf8')) as AreaRow[];
  const vars = new Variables();
  readValues(vars, dir, areas, meta.suppression_min);
  const missing = readQuality(vars, dir);
  learnRelation(vars, missing, 'zlen', 'height', 'zlen');
  learnRelation(vars, missing, 'zwei', 'weight', 'zwei');
  const { cons, groups } = constraints(vars, areas, meta.periods);
  const counts = countZeroCaseGroups(vars, groups);
  const zeroImplied = impliedZeros(vars, cons);
  propagateAll(vars, cons);
  return { ...findings(vars, zeroImplied), ...counts, contradictions: vars.contradictions };
}

/** Records what one published indicator value says. */
function learn(vars: Variables, min: number, p: string, code: string, cat: string, id: string, x: IndicatorJson): void {
  const f = FAMILY_OF[id];
  const n = K(p, code, cat, `n:${f}`);
  const c = K(p, code, cat, `c:${id}`);
  const m = K(p, code, cat, `m:${id}`);
  if (x.status === 'suppressed') {
    // An empty breakdown cell is never hidden: there a primary n is at least 1. An area's row is hidden as a whole,
    // so one of its indicators may have n = 0 (no valid z-score) while the row is hidden.
    if (x.suppression === 'primary') vars.bound(n, cat === 'all' ? 0 : 1, min - 1);
    else if (x.suppression === 'complementary') vars.bound(n, min, Infinity);
    vars.v(c);
    vars.v(m);
  } else if (x.n !== null && x.cases !== null) {
    vars.setKnown(n, x.n);
    vars.setKnown(c, x.cases);
    vars.setKnown(m, x.n - x.cases);
  } else {
    // no_data / not_measured: nothing with a valid z-score.
    vars.setKnown(n, 0);
    vars.setKnown(c, 0);
    vars.setKnown(m, 0);
  }
}

/** Reads the published values: the tidy CSV, the per-area series (with breakdowns and labels), the map files. */
function readValues(vars: Variables, dir: string, areas: readonly AreaRow[], min: number): void {
  const tidy = parseCsv(readFileSync(join(dir, 'stunting.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  for (const r of tidy) {
    learn(vars, min, r.period, r.area_code, 'all', r.indicator, { n: r.measured === '' ? null : Number(r.measured), cases: r.cases === '' ? null : Number(r.cases), status: r.status });
  }
  for (const a of areas) {
    const s = JSON.parse(readFileSync(join(dir, 'series', `${a.code}.json`), 'utf8')) as {
      periods: Record<string, { measured: number | null; valid: number | null; flagged: Record<string, number> | null; measured_status: string; indicators: Record<string, IndicatorJson> }>;
      breakdowns?: Record<string, { sex: Record<string, Record<string, IndicatorJson>>; age: Record<string, Record<string, IndicatorJson>> }>;
    };
    for (const [p, sp] of Object.entries(s.periods)) {
      if (sp.measured !== null) vars.setKnown(K(p, a.code, 'all', 'measured'), sp.measured);
      else if (sp.measured_status === 'suppressed') vars.bound(K(p, a.code, 'all', 'measured'), 1, Infinity);
      else vars.setKnown(K(p, a.code, 'all', 'measured'), 0);
      if (sp.flagged) for (const [z, k] of Object.entries(sp.flagged)) vars.setKnown(K(p, a.code, 'all', `flagged:${z}`), k);
      for (const id of INDICATORS) learn(vars, min, p, a.code, 'all', id, sp.indicators[id]);
    }
    for (const [p, b] of Object.entries(s.breakdowns ?? {})) {
      for (const [sex, row] of Object.entries(b.sex)) for (const id of INDICATORS) learn(vars, min, p, a.code, `sex:${sex}`, id, row[id]);
      for (const [age, row] of Object.entries(b.age)) for (const id of INDICATORS) learn(vars, min, p, a.code, `age:${age}`, id, row[id]);
    }
  }
  for (const level of readdirSync(join(dir, 'map'))) {
    for (const f of readdirSync(join(dir, 'map', level))) {
      const m = JSON.parse(readFileSync(join(dir, 'map', level, f), 'utf8')) as { period: string; values: Record<string, Record<string, unknown>> };
      for (const [code, row] of Object.entries(m.values)) {
        if (row.measured !== null && row.measured !== undefined) vars.setKnown(K(m.period, code, 'all', 'measured'), row.measured as number);
        for (const id of INDICATORS) if (row[id]) learn(vars, min, m.period, code, 'all', id, row[id] as IndicatorJson);
      }
    }
  }
}

/** Missing height and weight counts of an area in a period (`period|code`), where the quality files give them. */
type Missing = Map<string, { height: number | null; weight: number | null }>;

/** Reads the quality files: children, z-score n (the denominators of the z-score families), missing shares. */
function readQuality(vars: Variables, dir: string): Missing {
  const missing: Missing = new Map();
  if (existsSync(join(dir, 'quality.json'))) {
    const q = JSON.parse(readFileSync(join(dir, 'quality.json'), 'utf8')) as {
      areas: Record<string, Record<string, { status: string; n: number | null; metrics: { children: number; zscores: Record<string, { n: number }>; missing: { weight: number; height: number } } | null }>>;
    };
    for (const [code, per] of Object.entries(q.areas)) {
      for (const [p, r] of Object.entries(per)) {
        if (r.status === 'ok' && r.n !== null) vars.setKnown(K(p, code, 'all', 'measured'), r.n);
        if (r.metrics) {
          vars.setKnown(K(p, code, 'all', 'measured'), r.metrics.children);
          vars.setKnown(K(p, code, 'all', 'zn:haz'), r.metrics.zscores.haz.n);
          missing.set(`${p}|${code}`, { height: r.metrics.missing.height, weight: r.metrics.missing.weight });
        }
      }
    }
  }
  if (existsSync(join(dir, 'quality.csv'))) {
    const lines = readFileSync(join(dir, 'quality.csv'), 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    const col = (name: string) => head.indexOf(name);
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      if (c.length !== head.length) continue; // a quoted name with a comma: skip (the series carries the same n)
      const code = c[col('area_code')];
      const p = c[col('period')];
      if (c[col('status')] !== 'ok' || c[col('n')] === '') continue;
      const n = Number(c[col('n')]);
      vars.setKnown(K(p, code, 'all', 'measured'), n);
      if (missing.has(`${p}|${code}`)) continue;
      // A share with one decimal: the missing count is every k whose share rounds to it; keep it when unique.
      const fromPct = (pct: string): number | null => {
        if (pct === '') return null;
        const ks = [];
        for (let k = 0; k <= n; k++) if (Math.abs(Math.round((1000 * k) / n) / 10 - Number(pct)) < 1e-9) ks.push(k);
        return ks.length === 1 ? ks[0] : null;
      };
      missing.set(`${p}|${code}`, { height: fromPct(c[col('height_missing_pct')]), weight: fromPct(c[col('weight_missing_pct')]) });
    }
  }
  return missing;
}

/** Learned relation: n of a family = measured − missing − flagged, where it holds for every published cell. */
function learnRelation(vars: Variables, missing: Missing, f: string, which: 'height' | 'weight', z: string): void {
  const { index, lo, known } = vars;
  const found: [string, string, number][] = [];
  let holds = true;
  let tested = 0;
  for (const [pc, m] of missing) {
    const [p, code] = pc.split('|');
    const measured = index.get(K(p, code, 'all', 'measured'));
    const flagged = index.get(K(p, code, 'all', `flagged:${z}`));
    const n = index.get(K(p, code, 'all', `n:${f}`));
    if (measured === undefined || flagged === undefined || n === undefined || !known[measured] || !known[flagged] || m[which] === null) continue;
    const guess = lo[measured] - m[which]! - lo[flagged];
    if (known[n]) {
      tested++;
      if (lo[n] !== guess) holds = false;
    } else found.push([p, code, guess]);
  }
  if (holds && tested > 0) for (const [p, code, g] of found) vars.setKnown(K(p, code, 'all', `n:${f}`), g), (known[index.get(K(p, code, 'all', `n:${f}`))!] = false);
}

/** A published total whose parts may be hidden (for the zero-case count). */
type Group = { parent: string; parts: string[]; id: string; p: string };

/** The documented sums and inequalities between the variables, and the groups of the zero-case count. */
function constraints(vars: Variables, areas: readonly AreaRow[], periods: readonly string[]): { cons: Constraint[]; groups: Group[] } {
  const { index, keys } = vars;
  const cons: Constraint[] = [];
  const add = (plus: string[], minus: string[], eq = true) => {
    const vs = [...plus.map((k) => vars.v(k)), ...minus.map((k) => vars.v(k))];
    cons.push({ vars: vs, coefs: [...plus.map(() => 1), ...minus.map(() => -1)], eq });
  };
  const childrenOf = new Map<string, string[]>();
  for (const a of areas) if (a.parent) (childrenOf.get(a.parent) ?? childrenOf.set(a.parent, []).get(a.parent)!).push(a.code);
  const names = ['measured', ...Object.keys(FAMILIES).map((f) => `n:${f}`), ...INDICATORS.flatMap((id) => [`c:${id}`, `m:${id}`])];
  const cellNames = names.slice(1);
  const withBreakdowns = new Set<string>();
  for (const k of keys) {
    const [, code, cat] = k.split('|');
    if (cat !== 'all') withBreakdowns.add(code);
  }
  const ageCats = [...new Set(keys.map((k) => k.split('|')[2]).filter((c) => c.startsWith('age:')))];
  // Groups of the zero-case count: parent published, some parts hidden.
  const groups: Group[] = [];
  for (const p of periods) {
    for (const a of areas) {
      const kids = childrenOf.get(a.code) ?? [];
      if (kids.length > 0) {
        for (const name of names) add([K(p, a.code, 'all', name)], kids.map((k) => K(p, k, 'all', name)));
        for (const id of INDICATORS) groups.push({ parent: K(p, a.code, 'all', `c:${id}`), parts: kids.map((k) => K(p, k, 'all', `c:${id}`)), id, p });
      }
      const cats = withBreakdowns.has(a.code) ? ['all', ...SEXES, ...ageCats] : ['all'];
      for (const cat of cats) {
        for (const id of INDICATORS) add([K(p, a.code, cat, `n:${FAMILY_OF[id]}`)], [K(p, a.code, cat, `c:${id}`), K(p, a.code, cat, `m:${id}`)]);
        add([K(p, a.code, cat, 'c:severe_stunting')], [K(p, a.code, cat, 'c:stunting')], false);
        add([K(p, a.code, cat, 'c:severe_wasting')], [K(p, a.code, cat, 'c:wasting')], false);
        add([K(p, a.code, cat, 'c:overweight')], [K(p, a.code, cat, 'm:wasting')], false);
      }
      for (const f of Object.keys(FAMILIES)) add([K(p, a.code, 'all', `n:${f}`)], [K(p, a.code, 'all', 'measured')], false);
      if (index.has(K(p, a.code, 'all', 'zn:haz'))) add([K(p, a.code, 'all', 'n:zlen')], [K(p, a.code, 'all', 'zn:haz')]);
      if (!withBreakdowns.has(a.code)) continue;
      for (const name of cellNames) {
        add([K(p, a.code, 'all', name)], SEXES.map((s) => K(p, a.code, s, name)));
        add([K(p, a.code, 'all', name)], ageCats.map((s) => K(p, a.code, s, name)));
        const bk = kids.filter((k) => withBreakdowns.has(k));
        if (bk.length > 0) for (const cat of [...SEXES, ...ageCats]) add([K(p, a.code, cat, name)], bk.map((k) => K(p, k, cat, name)));
      }
      if (withBreakdowns.has(a.code)) {
        const bk = kids.filter((k) => withBreakdowns.has(k));
        for (const id of INDICATORS) {
          groups.push({ parent: K(p, a.code, 'all', `c:${id}`), parts: SEXES.map((s) => K(p, a.code, s, `c:${id}`)), id, p });
          groups.push({ parent: K(p, a.code, 'all', `c:${id}`), parts: ageCats.map((s) => K(p, a.code, s, `c:${id}`)), id, p });
          if (bk.length > 0) for (const cat of [...SEXES, ...ageCats]) groups.push({ parent: K(p, a.code, cat, `c:${id}`), parts: bk.map((k) => K(p, k, cat, `c:${id}`)), id, p });
        }
      }
    }
  }
  return { cons, groups };
}

/** The zero-case count, before any propagation: parent cases minus the published parts' cases. */
function countZeroCaseGroups(vars: Variables, groups: readonly Group[]): { zeroCaseGroups: number; hiddenGroups: number } {
  const { index, lo, known } = vars;
  let zeroCaseGroups = 0;
  let hiddenGroups = 0;
  for (const g of groups) {
    const pi = index.get(g.parent);
    if (pi === undefined || !known[pi]) continue;
    const parts = g.parts.map((k) => index.get(k)).filter((i): i is number => i !== undefined);
    const hidden = parts.filter((i) => !known[i]);
    if (hidden.length === 0) continue;
    hiddenGroups++;
    const rest = lo[pi] - parts.filter((i) => known[i]).reduce((s, i) => s + lo[i], 0);
    if (rest === 0 && lo[pi] > 0) zeroCaseGroups++; // a published total of 0 says 0 for every part anyway
  }
  return { zeroCaseGroups, hiddenGroups };
}

/** The hidden values narrowed to one value, apart from the zeros published zeros imply; contradictions noted. */
function findings(vars: Variables, zeroImplied: readonly boolean[]): { narrowed: Finding[]; implied: Finding[]; hidden: number } {
  const { keys, lo, hi, known } = vars;
  const narrowed: Finding[] = [];
  const implied: Finding[] = [];
  let hidden = 0;
  for (let i = 0; i < keys.length; i++) {
    if (known[i] || /\|(flagged|zn):/.test(keys[i])) continue;
    hidden++;
    if (lo[i] > hi[i]) vars.contradictions.push(`${keys[i]}: empty bounds [${lo[i]}, ${hi[i]}]`);
    else if (lo[i] === hi[i]) (zeroImplied[i] ? implied : narrowed).push({ key: keys[i], value: lo[i] });
  }
  return { narrowed, implied, hidden };
}
