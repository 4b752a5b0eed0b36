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
      issues.push({ key: `lokus.${year}`, message: `"${year}" bukan tahun / is not a year` });
      continue;
    }
    const seen = new Map<string, number>();
    lokus[year].forEach((raw, i) => {
      const key = `lokus.${year}[${i}]`;
      const code = raw.trim();
      const area = registry.byCode.get(code);
      const region = `${registry.region.name} (${registry.region.code})`;
      if (!area) {
        const foreign = /^\d{2}\.\d{2}\./.test(code) && !code.startsWith(`${registry.region.code}.`);
        issues.push({
          key,
          message: foreign
            ? `${code} adalah desa wilayah lain (${code.slice(0, 5)}), bukan ${region}; hapus dari lokus.${year} atau periksa "region" / ${code} is not a desa/kelurahan of ${region} but of another region (${code.slice(0, 5)}); remove it from lokus.${year} or check "region"`
            : `${code} tidak ada di daftar wilayah ${region}; periksa angkanya / ${code} is not a desa/kelurahan of ${region} in the area list; check the digits`,
        });
        return;
      }
      if (area.level !== 'desa') {
        issues.push({ key, message: `${code} ${area.name} adalah ${area.level}; tulis kode desa/kelurahan, mis. ${code}.2001 / ${code} ${area.name} is a ${area.level}; lokus are desa/kelurahan codes such as ${code}.2001` });
        return;
      }
      if (seen.has(code)) {
        issues.push({ key, message: `${code} ${area.name} sudah ada di lokus.${year}[${seen.get(code)}]; hapus salah satu / ${code} ${area.name} is already listed at lokus.${year}[${seen.get(code)}]; delete one` });
        return;
      }
      seen.set(code, i);
      if (!years.has(code)) years.set(code, []);
      years.get(code)!.push(Number(year));
    });
  }
  return { years, issues };
}
