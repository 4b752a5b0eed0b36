/**
 * Older area names (issue 3, `areas.file2022`): an export written with a desa's name from the previous code-list
 * edition still matches its code; without the older list the same rows are rejected as unknown areas and reported.
 * The older list here is the real 2022 list's Kota Metro part with one kelurahan given another name, as happens when
 * a desa is renamed between editions (Banyuwangi: Sumbersari → Sumberasri, Bangorejo → Bagorejo, ...).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AREAS_2022, readAreaListText } from '../../scripts/lib/areas-file.ts';
import { build, cleanup, makeDataDir } from './trust/harness.ts';

const OLD_NAME = 'Tejo Agung Lama';
const older = readAreaListText(AREAS_2022)
  .split('\n')
  .filter((l, i) => i === 0 || l.startsWith('18,') || l.startsWith('18.72'))
  .map((l) => (l.startsWith('18.72.01.1003,') ? `18.72.01.1003,${OLD_NAME},4` : l))
  .join('\n');

// Four children of kelurahan 18.72.01.1003 (Imopuro), typed with its older name, e-PPGBM style.
const header = 'NIK;Nama Anak;JK;Tgl Lahir;Kec;Desa/Kel;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur';
const rows = [0, 1, 2, 3].map((i) => `99187201100300${10 + i};Anak ${i} (Contoh);${i % 2 ? 'P' : 'L'};1${i}/03/2022;METRO PUSAT;${OLD_NAME.toUpperCase()};1${i}/08/2025;12,${i};88,${i};Berdiri`);
const csv = `${header}\n${rows.join('\n')}\n`;

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function dataDir(withOlderList: boolean): string {
  const d = makeDataDir({ files: { 'posyandu.csv': csv } });
  dirs.push(d);
  writeFileSync(join(d, 'old.csv'), older);
  if (withOlderList) {
    const cfgPath = join(d, 'site.config.json');
    const cfg = JSON.parse(readText(cfgPath));
    cfg.areas.file2022 = join(d, 'old.csv');
    writeFileSync(cfgPath, JSON.stringify(cfg));
  }
  return d;
}
const readText = (p: string) => readFileSync(p, 'utf8');

describe('older area names', () => {
  it('with areas.file2022, rows typed with a renamed desa’s older name count for its code', async () => {
    const out = await build(dataDir(true));
    if (!out.ok) throw new Error(out.message);
    expect(out.validation.rows_read).toBe(4);
    expect(out.validation.rows_accepted).toBe(4);
    expect(out.validation.unmatched_areas).toEqual([]);
  });
  it('without it, the same rows are unknown areas, reported with the name as typed', async () => {
    const out = await build(dataDir(false));
    if (!out.ok) throw new Error(out.message);
    expect(out.validation.rows_accepted).toBe(0);
    expect(out.validation.by_reason.unknown_area).toBe(4);
    expect(out.validation.unmatched_areas.map((u) => u.desa)).toEqual([OLD_NAME.toUpperCase()]);
  });
  it('a missing older list stops the build naming the key', async () => {
    const d = makeDataDir({ files: { 'posyandu.csv': csv }, config: { areas: { file2022: '/nonexistent/old.csv' } } });
    dirs.push(d);
    const out = await build(d);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0].message).toContain('areas.file2022');
  });
});
