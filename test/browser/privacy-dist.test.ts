/**
 * Privacy of the whole built site: the demo export the build read (data/measurements/*.csv.gz, every NIK, child and
 * parent name, address and birth date in it) must not appear anywhere in dist/: HTML, JS, CSS, JSON, CSV, SVG, the
 * preview PNGs (bytes and metadata) and any source map; nor in the text drawn into the preview images (their SVG is
 * recomposed here from the published data exactly as src/pages/og/[...slug].png.ts composes it).
 * Runs after `npm run build` (browser project), on the real demo build: about 440,000 rows.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSecrets, scanForLeaks, type Secret } from '../unit/trust/leaks.ts';
import { ogImageSvg } from '../../src/lib/share/og-image.ts';
import { ogInput } from '../../src/lib/share/social.ts';
import type { AreaJson, Meta, SeriesJson } from '../../src/lib/site/contract.ts';
import { DIST, ROOT } from './helpers.ts';

const MEASUREMENTS = join(ROOT, 'data', 'measurements');
let secrets: Secret[] = [];
let work: string;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(() => {
  const files = readdirSync(MEASUREMENTS).filter((f) => /\.csv(\.gz)?$/.test(f));
  expect(files.length, 'the demo build read measurement files').toBeGreaterThan(0);
  const measured = new Set<string>();
  for (const f of files) {
    const bytes = readFileSync(join(MEASUREMENTS, f));
    const found = exportSecrets((f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
    secrets.push(...found.secrets);
    for (const d of found.measurementDates) measured.add(d);
  }
  // A birth date that is also a measurement date proves nothing where it appears (rejected measurement dates are
  // reported in validation.json); every other birth date stays a secret.
  secrets = [...new Map(secrets.filter((s) => s.kind !== 'birth_date' || !measured.has(s.value)).map((s) => [`${s.kind}\u0000${s.value}`, s])).values()];
  work = mkdtempSync(join(tmpdir(), 'privacy-dist-'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('privacy of the built site', () => {
  it('the export holds every kind of personal data to look for', () => {
    const kinds = new Set(secrets.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['address', 'birth_date', 'name', 'nik', 'parent_name']);
    expect(secrets.filter((s) => s.kind === 'nik').length).toBeGreaterThan(50_000);
  });

  it('no NIK, name, parent name, address or birth date in any file of dist/ (pages, scripts, data, images, source maps)', () => {
    const files = listFiles(DIST);
    for (const ext of ['.html', '.js', '.css', '.json', '.csv', '.png']) expect(files.some((f) => f.endsWith(ext)), ext).toBe(true);
    const leaks = scanForLeaks(DIST, secrets);
    expect(leaks, JSON.stringify(leaks.slice(0, 5), null, 1)).toEqual([]);
  }, 900_000); // every file of dist/ (thousands): minutes on a loaded 2-core machine

  it('no source map is published (nothing to leak source or data through)', () => {
    expect(listFiles(DIST).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('the text drawn into every preview image holds no personal data', () => {
    const v1 = join(DIST, 'data', 'v1');
    const meta = JSON.parse(readFileSync(join(v1, 'meta.json'), 'utf8')) as Meta;
    const areas = JSON.parse(readFileSync(join(v1, 'areas.json'), 'utf8')) as AreaJson[];
    const byCode = new Map(areas.map((a) => [a.code, a]));
    let n = 0;
    for (const lang of ['id', 'en'] as const) {
      for (const area of areas) {
        if (!existsSync(join(DIST, 'og', lang, `${area.code}.png`))) continue;
        const series = JSON.parse(readFileSync(join(v1, 'series', `${area.code}.json`), 'utf8')) as SeriesJson;
        const svg = ogImageSvg(ogInput({ meta, area, parent: area.parent ? byCode.get(area.parent) ?? null : null, series, indicator: 'stunting', lang, host: 'example.org' }));
        writeFileSync(join(work, `${lang}-${area.code}.svg`), svg);
        n++;
      }
    }
    expect(n, 'one preview per area and language').toBe(areas.length * 2);
    const leaks = scanForLeaks(work, secrets);
    expect(leaks, JSON.stringify(leaks.slice(0, 5), null, 1)).toEqual([]);
  });

  it('the scan finds a secret where one is (positive control on the same secrets)', () => {
    const nik = secrets.find((s) => s.kind === 'nik')!;
    const name = secrets.find((s) => s.kind === 'name')!;
    const probe = join(work, 'probe.html');
    writeFileSync(probe, `<p>${name.value.replace(/ /g, '&#32;')}</p><script>const x=${JSON.stringify(nik.value)}</script>`);
    expect(scanForLeaks(probe, [nik, name]).map((l) => l.kind).sort()).toEqual(['name', 'nik']);
  });
});
