/**
 * Test helper for the demo generator's tests (src/lib/demo/generate*.test.ts): the WHO tables and two regions, the
 * documented export header, a parser of a round's text, and one generated Banyuwangi demo to share between the
 * describe blocks of a test file.
 */
import { expect } from 'vitest';
import { readRegistry } from '../../scripts/lib/areas-file.ts';
import { readWhoTables } from '../../scripts/lib/who-files.ts';
import { dayNumber, daysInMonth } from '../../src/lib/csv/values.ts';
import { DEMO_HEADERS } from '../../src/lib/demo/export-format.ts';
import { generateDemo, type DemoFile } from '../../src/lib/demo/generate.ts';
import type { DemoManifest } from '../../src/lib/demo/manifest.ts';
import type { DemoPlan } from '../../src/lib/demo/plan.ts';

export const tables = readWhoTables();
export const banyuwangi = readRegistry('35.10');
export const metro = readRegistry('18.72');
export const SEED = 20250801;

/** The documented header line of the export. */
export const HEADER_LINE =
  'No;NIK;Nama Anak;JK;Tgl Lahir;Nama Ortu;Alamat;Prov;Kab/Kota;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;LiLA;Edema';
/** Column index by header. */
export const C = Object.fromEntries(DEMO_HEADERS.map((h, i) => [h, i])) as Record<(typeof DEMO_HEADERS)[number], number>;

/** Splits a round's text into rows of cells (the generator never quotes; checked in generate.test.ts). */
export function parse(text: string): string[][] {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe(''); // ends with CRLF
  return lines.slice(1).map((l) => l.split(';'));
}

/** Day number of DD/MM/YYYY, or NaN for an impossible date. */
export function dmyDay(s: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return NaN;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return dayNumber(y, mo, d);
}
/** A number written with a decimal comma. */
export const num = (s: string) => Number(s.replace(',', '.'));

/** The Banyuwangi demo with the tests' seed, and each round's rows of cells. */
export function banyuwangiDemo(): { plan: DemoPlan; files: DemoFile[]; manifest: DemoManifest; rowsByRound: string[][][] } {
  const { plan, files, manifest } = generateDemo(banyuwangi, tables, { seed: SEED });
  return { plan, files, manifest, rowsByRound: files.map((f) => parse(f.text)) };
}
