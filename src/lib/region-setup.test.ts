import { describe, expect, it } from 'vitest';
import { readAreaListText } from '../../scripts/lib/areas-file.ts';
import {
  boundaryFolderName,
  foreignRegionWarnings,
  isDemoFile,
  newRegionConfig,
  normaliseRegionCode,
  otherRegionsNamed,
  parseUpperLevels,
  regionTitle,
} from './region-setup.ts';

const { provinces, kabKota } = parseUpperLevels(readAreaListText());
const byName = (n: string) => kabKota.find((k) => k.name === n)!;
const rembang = byName('Kabupaten Rembang');
const names = (text: string, region = rembang, province?: string) => otherRegionsNamed(text, region, kabKota, province).map((k) => k.name);

describe('parseUpperLevels', () => {
  it('reads every province and kab/kota of the national list and nothing below', () => {
    expect(provinces).toHaveLength(38);
    expect(kabKota).toHaveLength(514);
    expect(rembang.code).toBe('33.17');
    expect(kabKota.every((k) => /^\d{2}\.\d{2}$/.test(k.code))).toBe(true);
  });
});

describe('otherRegionsNamed', () => {
  it.each([
    ['Data Stunting Kabupaten Banyuwangi', ['Kabupaten Banyuwangi']],
    ['Stunting data, Banyuwangi Regency', ['Kabupaten Banyuwangi']],
    ['Dinas Kesehatan Kabupaten Banyuwangi (contoh / example)', ['Kabupaten Banyuwangi']],
    ['Dinkes BANYUWANGI', ['Kabupaten Banyuwangi']],
    ['Data Stunting Kabupaten Rembang', []],
    ['Stunting data, Rembang Regency', []],
    ['Dinas Kesehatan Kabupaten Rembang, Jawa Tengah', []],
    ['Data Stunting', []],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected));

  it('reads the longest name only (Aceh Barat Daya is not also Aceh Barat)', () => {
    expect(names('Data Stunting Kabupaten Aceh Barat Daya')).toEqual(['Kabupaten Aceh Barat Daya']);
  });

  it('does not take the province or the region itself for another kab/kota', () => {
    const bengkuluUtara = byName('Kabupaten Bengkulu Utara');
    expect(names('Data Stunting Kabupaten Bengkulu Utara, Provinsi Bengkulu', bengkuluUtara, 'Bengkulu')).toEqual([]);
    expect(names('Data Stunting Kabupaten Bengkulu Utara, Provinsi Bengkulu', bengkuluUtara)).toEqual(['Kota Bengkulu']);
  });

  it('tells Kota X from Kabupaten X', () => {
    const kabBima = byName('Kabupaten Bima');
    expect(names('Data Stunting Kabupaten Bima', kabBima)).toEqual([]);
    expect(names('Data Stunting Kota Bima', kabBima)).toEqual(['Kota Bima']);
    expect(names('Stunting data, Bima City', kabBima)).toEqual(['Kota Bima']);
    expect(names('Data Stunting Kabupaten Bima', byName('Kota Bima'))).toEqual(['Kabupaten Bima']);
  });
});

describe('foreignRegionWarnings', () => {
  const region = { code: '33.17', name: 'Kabupaten Rembang' };
  it('warns for each text that names another kab/kota, with the key and what to do', () => {
    const w = foreignRegionWarnings({ region, province: 'Jawa Tengah', title: { id: 'Data Stunting Kabupaten Banyuwangi', en: 'Stunting data, Rembang Regency' }, publisher: 'Dinas Kesehatan Kabupaten Banyuwangi' }, kabKota);
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('"title.id"');
    expect(w[0]).toContain('Kabupaten Banyuwangi (35.10)');
    expect(w[0]).toContain('Kabupaten Rembang (33.17)');
    expect(w[1]).toContain('"publisher.name"');
  });

  it('warns when the demo export was generated for another region, and not when it is the region\'s own', () => {
    const other = foreignRegionWarnings({ region, demoExport: { file: 'data/measurements/demo-manifest.json', region: { code: '35.10', name: 'Kabupaten Banyuwangi' } } }, kabKota);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/^data\/measurements\/demo-manifest.json: .*Kabupaten Banyuwangi \(35\.10\).*unknown_area.*npm run new-region/);
    expect(foreignRegionWarnings({ region, demoExport: { file: 'x', region } }, kabKota)).toEqual([]);
  });

  it('is silent for the defaults (no title, no publisher)', () => {
    expect(foreignRegionWarnings({ region }, kabKota)).toEqual([]);
  });
});

describe('new-region helpers', () => {
  it.each([['33.17', '33.17'], ['3317', '33.17'], [' 33 17 ', '33.17'], ['33.17.01', null], ['3', null], ['abcd', null]])('normaliseRegionCode(%j) = %j', (i, o) => {
    expect(normaliseRegionCode(i)).toBe(o);
  });

  it('names the boundary folder after the region', () => {
    expect(boundaryFolderName(rembang)).toBe('rembang-3317');
    expect(boundaryFolderName(byName('Kota Metro'))).toBe('kota-metro-1872');
    expect(boundaryFolderName(byName('Kabupaten Aceh Barat Daya'))).toBe('aceh-barat-daya-1112');
  });

  it('titles a kabupaten as a Regency and a kota as a City', () => {
    expect(regionTitle({ name: 'Kabupaten Rembang', kind: 'kabupaten' })).toEqual({ id: 'Data Stunting Kabupaten Rembang', en: 'Stunting data, Rembang Regency' });
    expect(regionTitle({ name: 'Kota Metro', kind: 'kota' })).toEqual({ id: 'Data Stunting Kota Metro', en: 'Stunting data, Metro City' });
  });

  it.each([['sasaran/demo-sasaran.csv', true], ['demo-2025-08.csv.gz', true], ['sasaran/sasaran-2025.csv', false], ['demo/sasaran.csv', false]])('isDemoFile(%j) = %j', (p, o) => {
    expect(isDemoFile(p)).toBe(o);
  });
});

describe('newRegionConfig', () => {
  const banyuwangi = {
    $schema: './site.config.schema.json',
    region: '35.10',
    title: { id: 'Data Stunting Kabupaten Banyuwangi', en: 'Stunting data, Banyuwangi Regency' },
    publisher: { name: 'Dinas Kesehatan Kabupaten Banyuwangi (contoh / example)' },
    rounds: ['02', '08'],
    periods: { from: '2022-02', to: '2025-08' },
    referenceDate: '2025-12-31',
    suppression: { minMeasured: 10 },
    measurements: { dir: 'measurements', columns: { weight: 'BB (kg)' } },
    surveys: 'surveys/prevalence.csv',
    targets: 'sasaran/demo-sasaran.csv',
    areas: { file: 'areas/kode_wilayah_2025.csv.gz' },
    boundaries: 'boundaries/banyuwangi-3510',
    lokus: { '2024': ['35.10.08.2006'] },
    siteUrl: 'https://stunting.banyuwangikab.go.id/',
    basemap: { tiles: 'https://tiles.example.go.id/{z}/{x}/{y}.png', attribution: 'x' },
    demo: { synthetic: true, seed: 7 },
  };
  const region = { code: '33.17', name: 'Kabupaten Rembang', kind: 'kabupaten' as const };

  it('keeps the generic settings and nothing of the old region', () => {
    const { config, dropped } = newRegionConfig(banyuwangi, region, { boundaries: 'boundaries/rembang-3317', demo: true });
    expect(config).toEqual({
      $schema: './site.config.schema.json',
      region: '33.17',
      title: { id: 'Data Stunting Kabupaten Rembang', en: 'Stunting data, Rembang Regency' },
      publisher: { name: 'Dinas Kesehatan Kabupaten Rembang' },
      rounds: ['02', '08'],
      suppression: { minMeasured: 10 },
      measurements: { dir: 'measurements', columns: { weight: 'BB (kg)' } },
      surveys: 'surveys/prevalence.csv',
      areas: { file: 'areas/kode_wilayah_2025.csv.gz' },
      boundaries: 'boundaries/rembang-3317',
      periods: { from: '2022-02', to: '2025-08' },
      referenceDate: '2025-12-31',
      targets: 'sasaran/demo-sasaran.csv',
      demo: { synthetic: true, seed: 7 },
    });
    expect(JSON.stringify(config)).not.toMatch(/35\.10|Banyuwangi|banyuwangi/);
    expect(dropped.sort()).toEqual(['basemap', 'lokus', 'publisher', 'siteUrl', 'title']);
  });

  it('without the demo, leaves out the demo period range, reference date and sasaran', () => {
    const { config } = newRegionConfig(banyuwangi, region, { boundaries: 'b', demo: false });
    expect(config.demo).toEqual({ synthetic: false });
    expect(config).not.toHaveProperty('periods');
    expect(config).not.toHaveProperty('referenceDate');
    expect(config).not.toHaveProperty('targets');
  });

  it('run again for the same region, keeps its own title, lokus, site address and real sasaran', () => {
    const own = { ...banyuwangi, targets: 'sasaran/sasaran-2025.csv' };
    const { config, dropped } = newRegionConfig(own, { code: '35.10', name: 'Kabupaten Banyuwangi', kind: 'kabupaten' }, { boundaries: 'boundaries/banyuwangi-3510', demo: false });
    expect(config.title).toEqual(own.title);
    expect(config.lokus).toEqual(own.lokus);
    expect(config.siteUrl).toBe(own.siteUrl);
    expect(config.targets).toBe('sasaran/sasaran-2025.csv');
    expect(dropped.sort()).toEqual(['periods', 'referenceDate']);
  });

  it('starts from the defaults without a previous config', () => {
    const { config, dropped } = newRegionConfig(null, region, { boundaries: 'boundaries/rembang-3317', demo: true });
    expect(config).toEqual({
      region: '33.17',
      title: { id: 'Data Stunting Kabupaten Rembang', en: 'Stunting data, Rembang Regency' },
      publisher: { name: 'Dinas Kesehatan Kabupaten Rembang' },
      boundaries: 'boundaries/rembang-3317',
      targets: 'sasaran/demo-sasaran.csv',
      demo: { synthetic: true },
    });
    expect(dropped).toEqual([]);
  });
});
