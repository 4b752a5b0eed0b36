/**
 * Desa lokus: the priority villages for stunting interventions named each year by the kabupaten (config `lokus`,
 * year → desa codes). Validated against the registry so that a typo or a code from another region is reported by
 * its config key (`lokus.2024[3]`) instead of silently marking nothing on the map.
 */
import type { Registry } from './areas.ts';

/** A problem in `config.lokus`, named by key like the config validator's issues. */
export interface LokusIssue {
  key: string;
  message: string;
}

/** Lokus years per desa code (ascending), and the problems found. */
export interface LokusResult {
  years: Map<string, number[]>;
  issues: LokusIssue[];
}

/**
 * Checks every code of `lokus` (year → dotted codes) against the registry: it must be a desa/kelurahan of the
 * region, and appear once per year. Valid codes are kept even when others fail, so the caller decides whether
 * issues stop the build. Returns desa code → sorted years.
 */
export function validateLokus(lokus: Readonly<Record<string, readonly string[]>>, registry: Pick<Registry, 'byCode' | 'region'>): LokusResult {
  const years = new Map<string, number[]>();
  const issues: LokusIssue[] = [];
  for (const year of Object.keys(lokus).sort()) {
    if (!/^\d{4}$/.test(year)) {
      issues.push({ key: `lokus.${year}`, message: `"${year}" is not a year` });
      continue;
    }
    const seen = new Map<string, number>();
    lokus[year].forEach((raw, i) => {
      const key = `lokus.${year}[${i}]`;
      const code = raw.trim();
      const area = registry.byCode.get(code);
      if (!area) {
        issues.push({ key, message: `${code} is not a desa/kelurahan of ${registry.region.name} (${registry.region.code}) in the area list` });
        return;
      }
      if (area.level !== 'desa') {
        issues.push({ key, message: `${code} ${area.name} is a ${area.level}; lokus are desa/kelurahan codes such as ${code}.2001` });
        return;
      }
      if (seen.has(code)) {
        issues.push({ key, message: `${code} ${area.name} is already listed at lokus.${year}[${seen.get(code)}]` });
        return;
      }
      seen.set(code, i);
      if (!years.has(code)) years.set(code, []);
      years.get(code)!.push(Number(year));
    });
  }
  return { years, issues };
}
