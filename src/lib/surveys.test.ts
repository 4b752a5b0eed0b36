import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurveys } from './surveys.ts';

const csv = readFileSync(new URL('../../data/surveys/prevalence.csv', import.meta.url), 'utf8');
const HEADER = 'kode,nama,level,tahun,sumber_data,prevalensi_stunting_pct,jumlah_balita_stunting,source_url,catatan';

describe('parseSurveys on the shipped file', () => {
  it('groups Banyuwangi, Jawa Timur and Indonesia by area and source, never mixing sources', () => {
    const s = parseSurveys(csv, '35.10');
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
    expect(parseSurveys(csv, '51.08').filter((x) => x.level === 'kabupaten').map((x) => x.source)).toEqual(['SSGI', 'SKI']);
    expect(parseSurveys(csv, '18.72').filter((x) => x.level === 'kabupaten').map((x) => x.source)).toEqual(['SSGI', 'e-PPGBM', 'unspecified']);
    expect(parseSurveys(csv, '33.17').find((x) => x.level === 'provinsi')?.name).toBe('Jawa Tengah');
    expect(parseSurveys(csv, '19.01').filter((x) => x.code === '19.01')).toHaveLength(3);
    // A region with no rows of its own still gets its province and Indonesia.
    expect(parseSurveys(csv, '35.11').map((x) => x.level)).toEqual(['provinsi', 'provinsi', 'nasional', 'nasional']);
  });
});

describe('parseSurveys strictness', () => {
  const row = (r: string) => `${HEADER}\n${r}\n`;
  it('rejects bad values and duplicates with the line number', () => {
    expect(() => parseSurveys(row('35.10,B,kabkota,2021,SSGI,20;1,,u,'), '35.10')).toThrow(/line 2: prevalensi_stunting_pct "20;1"/);
    expect(() => parseSurveys(row('35.10,B,kabkota,21,SSGI,20.1,,u,'), '35.10')).toThrow(/line 2: tahun "21"/);
    expect(() => parseSurveys(row('35.10,B,kabkota,2021,Riskesdas,20.1,,u,'), '35.10')).toThrow(/sumber_data "Riskesdas"/);
    expect(() => parseSurveys(row('35.10,B,kabkota,2021,SSGI,20.1,,u,\n35.10,B,kabkota,2021,SSGI,20.4,,u,'), '35.10')).toThrow(
      /line 3: 35\.10 SSGI 2021 already given on line 2/,
    );
    expect(() => parseSurveys('kode,nama\n', '35.10')).toThrow(/missing column "level"/);
  });
  it('keeps quoted notes with commas', () => {
    const s = parseSurveys(row('35.10,B,kabkota,2021,SSGI,20.1,,https://x,"a, b"'), '35.10');
    expect(s[0].points[0]).toEqual({ year: 2021, prevalence: 20.1, cases: null, sourceUrl: 'https://x', note: 'a, b' });
  });
});
