/**
 * The site configuration (`data/site.config.json`): its schema, defaults and validation. Errors name the key
 * (`measurements.columns.weight`) and say what was expected, so an official can fix the file alone.
 */
import { z } from 'zod';

const localText = z
  .object({ id: z.string().min(1), en: z.string().min(1).optional() })
  .strict()
  .describe('Text in Bahasa Indonesia (id) and, optionally, English (en).');

const areaCode = z
  .string()
  .regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'a dotted Kemendagri code such as 35.10 or 35.10.01.2001');

const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2})?$/, 'a province code such as 35 or a kab/kota code such as 35.10');

const month = z.string().regex(/^(0[1-9]|1[0-2])$/, 'a two-digit month, 01 to 12');
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period YYYY-MM');

/** Canonical column names the reader understands; `columns` maps each to the header used in the export. */
export const CANONICAL_COLUMNS = [
  'child_id', // NIK or any stable child identifier
  'name',
  'sex',
  'birth_date',
  'measure_date',
  'weight',
  'height',
  'position',
  'oedema',
  'desa_code',
  'desa_name',
  'kecamatan_code',
  'kecamatan_name',
  'posyandu',
  'address',
  'parent_name',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

const columnsSchema = z
  .object(Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, z.string().min(1).optional()])))
  .strict()
  .describe('Header of the export for each canonical column, when it differs from the recognised defaults.');

export const siteConfigSchema = z
  .object({
    $schema: z.string().optional(),
    region: regionCode.describe('Kemendagri code of the region the site publishes: a kabupaten/kota (35.10) or a whole province (35)'),
    title: localText.optional(),
    publisher: z
      .object({ name: z.string().min(1), url: z.url().optional() })
      .strict()
      .default({ name: 'Dinas Kesehatan' }),
    licence: z
      .object({ id: z.string().min(1), name: z.string().min(1), url: z.url() })
      .strict()
      .default({ id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }),
    siteUrl: z.url().optional().describe('Public address of the site, for link previews and oEmbed'),
    rounds: z.array(month).min(1).default(['02', '08']).describe('Months whose measurements are published'),
    periods: z
      .object({ from: period.optional(), to: period.optional() })
      .strict()
      .default({}),
    referenceDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
      .optional()
      .describe('Dates after this are rejected as future dates; default: the day of the build'),
    suppression: z
      .object({ minMeasured: z.number().int().min(1).default(10) })
      .strict()
      .default({ minMeasured: 10 }),
    maxBadRowShare: z.number().min(0).max(1).default(0.2).describe('The build fails above this share of bad rows'),
    measurements: z
      .object({
        dir: z.string().default('measurements'),
        delimiter: z.enum(['auto', ',', ';', '\t']).default('auto'),
        decimal: z.enum(['auto', '.', ',']).default('auto'),
        dateOrder: z.enum(['auto', 'DMY', 'YMD']).default('auto'),
        encoding: z.enum(['auto', 'utf-8', 'latin1']).default('auto'),
        codeEdition: z.enum(['2025', '2022']).default('2025'),
        columns: columnsSchema.default({}),
      })
      .strict()
      .default({
        dir: 'measurements',
        delimiter: 'auto',
        decimal: 'auto',
        dateOrder: 'auto',
        encoding: 'auto',
        codeEdition: '2025',
        columns: {},
      }),
    aggregates: z.string().optional().describe('Folder of pre-aggregated village counts'),
    targets: z.string().optional().describe('CSV of target children (sasaran) per desa and year'),
    convergence: z
      .object({
        dir: z.string().describe('Folder of coverage count CSVs (kode, period, indicator, numerator, denominator)'),
        targets: z.string().optional().describe('CSV of targets per indicator and year with their source'),
      })
      .strict()
      .optional()
      .describe('Convergence indicators (Perpres 72/2021 and the desa scorecard)'),
    surveys: z.string().default('surveys/prevalence.csv'),
    areas: z
      .object({ file: z.string().default('areas/kode_wilayah_2025.csv.gz'), file2022: z.string().optional() })
      .strict()
      .default({ file: 'areas/kode_wilayah_2025.csv.gz' }),
    boundaries: z.string().describe('Folder holding desa.geojson (and optionally kecamatan/kabupaten)'),
    lokus: z
      .record(z.string().regex(/^\d{4}$/, 'a year'), z.array(areaCode))
      .default({})
      .describe('Priority villages (desa lokus) per year'),
    localTargets: z
      .array(z.object({ year: z.number().int(), value: z.number().min(0).max(100), label: localText }).strict())
      .default([]),
    basemap: z
      .object({
        tiles: z.url().describe('Raster tile URL template, https://…/{z}/{x}/{y}.png'),
        attribution: z.string().min(1).max(300).describe('Attribution the tile provider requires (plain text)'),
      })
      .strict()
      .nullable()
      .default(null)
      .describe('Optional raster basemap under the interactive map; none by default (no third-party request)'),
    demo: z
      .object({ synthetic: z.boolean().default(false), seed: z.number().int().default(20250801) })
      .strict()
      .default({ synthetic: false, seed: 20250801 }),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** A config error naming the key path, what was found and what was expected. */
export interface ConfigIssue {
  key: string;
  message: string;
}

/** Validates a parsed config object: `{ok, config}` with defaults filled in, or the list of issues by key. */
export function parseSiteConfig(input: unknown): { ok: true; config: SiteConfig } | { ok: false; issues: ConfigIssue[] } {
  const r = siteConfigSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      key: i.path.map(String).join('.') || '(root)',
      message: i.code === 'unrecognized_keys' ? `unknown key(s): ${i.keys.join(', ')}` : i.message,
    })),
  };
}

/** True for an absolute http(s) URL (the only kind published as a link). */
export function isWebUrl(u: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(u.trim());
}
