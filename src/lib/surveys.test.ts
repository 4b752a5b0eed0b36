import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurveys } from './surveys.ts';

const rowsOf = (text: string, region: string) => parseSurveys(text, region).rows;

const csv = readFileSync(new URL('../../data/surveys/prevalence.csv', import.meta.url), 'utf8');
const HEADER = 'kode,nama,level,tahun,sumber_data,prevalensi_stunting_pct,jumlah_balita_stunting,source_url,catatan';

describe('parseSurveys on the shipped file', () => {
  it('groups Banyuwangi, Jawa Timur and Indonesia by area and source, never mixing sources', () => {
    const s = rowsOf(csv, '35.10');
    expect(s.map((x) => `${x.level} ${x.code} ${x.source} ${x.points.map((p) => p.year).join(',')}`)).toEqual([
      'kabupaten 35.10 SSGI 2021,2022',
      'kabupaten 35.10 e-PPGBM 2021,2022,2023,2024',
      'provinsi 35 SSGI 2021,2022,2024',
      'provinsi 35 SKI 2023',
      'nasional 0 SSGI 2021,2022,2024',
      'nasional 0 SKI 2023',
    ]);
    const ssgi = s[0];
    expect(ssgi.name).toBe('Kabupaten Banyuwangi');
    expect(ssgi.points.map((p) => p.prevalence)).toEqual([20.1, 18.1]);
    const eppgbm = s[1];
    expect(eppgbm.points[0]).toMatchObject({ year: 2021, prevalence: 8.64, cases: 4730 });
    for (const x of s) for (const p of x.points) expect(p.sourceUrl).toMatch(/^https?:\/\//);
    expect(s[4].points[0].note).toMatch(/24\.2/); // the national 2021 caveat travels with the point
  });

  it('works for the other shipped regions', () => {
    expect(rowsOf(csv, '51.08').filter((x) => x.level === 'kabupaten').map((x) => x.source)).toEqual(['SSGI', 'SKI']);
    expect(rowsOf(csv, '18.72').filter((x) => x.level === 'kabupaten').map((x) => x.source)).toEqual(['SSGI', 'e-PPGBM', 'unspecified']);
    expect(rowsOf(csv, '33.17').find((x) => x.level === 'provinsi')?.name).toBe('Jawa Tengah');
    expect(rowsOf(csv, '19.01').filter((x) => x.code === '19.01')).toHaveLength(3);
    // A region with no rows of its own still gets its province and Indonesia.
    expect(rowsOf(csv, '35.11').map((x) => x.level)).toEqual(['provinsi', 'provinsi', 'nasional', 'nasional']);
  });
});

describe('parseSurveys strictness', () => {
  const row = (r: string) => `${HEADER}\n${r}\n`;
  const problems = (text: string) => parseSurveys(text, '35.10', 'surveys.csv').problems.map((p) => `${p.file}:${p.line}:${p.column} [${p.raw}] ${p.message} — ${p.expected}`);
  it.each([
    ['35.10,B,kabkota,2021,SSGI,20;1,,https://x,', 'surveys.csv:2:6 [20;1] Prevalensi bukan angka persentase'],
    ['35.10,B,kabkota,2021,SSGI,dua puluh,,https://x,', 'surveys.csv:2:6 [dua puluh]'],
    ['35.10,B,kabkota,2021,SSGI,120,,https://x,', 'surveys.csv:2:6 [120]'],
    ['35.10,B,kabkota,2021,SSGI,-3,,https://x,', 'surveys.csv:2:6 [-3]'],
    ['35.10,B,kabkota,21,SSGI,20.1,,https://x,', 'surveys.csv:2:4 [21]'],
    ['35.10,B,kabkota,2021,Riskesdas,20.1,,https://x,', 'surveys.csv:2:5 [Riskesdas]'],
    ['35.10,B,kabkota,2021,SSGI,20.1,banyak,https://x,', 'surveys.csv:2:7 [banyak]'],
    ['35.10,B,kabkota,2021,SSGI,20.1,,javascript:alert(1),', 'surveys.csv:2:8 [javascript:alert(1)]'],
  ])('a bad value %s is a problem with file:line:column and the raw value', (line, want) => {
    const got = problems(`${HEADER}\n${line}\n`);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(want);
  });
  it('reports a duplicate area, source and year with both lines, and a missing column', () => {
    expect(problems(row('35.10,B,kabkota,2021,SSGI,20.1,,https://x,\n35.10,B,kabkota,2021,SSGI,20.4,,https://x,'))[0]).toContain('surveys.csv:3:4 [2021] 35.10 SSGI 2021 sudah ada di baris 2');
    expect(problems('kode,nama\n')[0]).toContain('Required column missing: level');
  });
  it('keeps the valid rows beside a bad one', () => {
    const r = parseSurveys(row('35.10,B,kabkota,2021,SSGI,x,,https://x,\n35.10,B,kabkota,2022,SSGI,20.4,,https://x,'), '35.10');
    expect(r.problems).toHaveLength(1);
    expect(r.rows[0].points.map((p) => p.year)).toEqual([2022]);
  });
  it('keeps quoted notes with commas', () => {
    const s = rowsOf(row('35.10,B,kabkota,2021,SSGI,20.1,,https://x,"a, b"'), '35.10');
    expect(s[0].points[0]).toEqual({ year: 2021, prevalence: 20.1, cases: null, sourceUrl: 'https://x', note: 'a, b' });
  });
});
