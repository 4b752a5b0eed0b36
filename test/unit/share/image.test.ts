import { describe, expect, it } from 'vitest';
import { composeFigureSvg, fileSlug, wrapText } from '../../../src/lib/share/image.ts';
import { ogImagePath, ogImageSvg, sparkline, OG_HEIGHT, OG_SQUARE, OG_WIDTH } from '../../../src/lib/share/og-image.ts';

describe('figure image', () => {
  const f = composeFigureSvg({
    width: 800,
    title: 'Tren prevalensi stunting: Kecamatan Pesanggaran & <sekitarnya>',
    subtitle: 'Ringkasan',
    synthetic: 'DATA CONTOH (SINTETIS)',
    body: { viewBox: [0, 0, 400, 200], markup: '<path d="M0,0L10,10"/>' },
    legend: [{ swatch: '#0b57a4', label: 'Pengukuran rutin' }, { swatch: '<line x1="0" x2="28" y1="6" y2="6" stroke="#000"/>', label: 'Target' }],
    footer: ['Sumber: Dinas Kesehatan', 'Lisensi: CC BY 4.0', 'https://x.id/wilayah/35.10.01/'],
  });
  it('is a standalone SVG with title, source, licence and address, escaped', () => {
    expect(f.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(f.svg).toContain('&amp; &lt;sekitarnya&gt;');
    for (const s of ['Sumber: Dinas Kesehatan', 'Lisensi: CC BY 4.0', 'https://x.id/wilayah/35.10.01/', 'DATA CONTOH (SINTETIS)']) expect(f.svg).toContain(s);
    expect(f.width).toBe(800);
    expect(f.height).toBeGreaterThan(200 * (760 / 400));
  });
  it('wraps text at spaces and slugs file names', () => {
    expect(wrapText('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrapText('', 5)).toEqual(['']);
    expect(fileSlug('Tren Pesanggaran 35.10.01 (é)')).toBe('tren-pesanggaran-35.10.01-e');
  });
});

describe('preview image SVG', () => {
  const input = {
    siteTitle: 'Data Stunting Kabupaten Banyuwangi',
    areaTitle: 'Desa Kandangan',
    context: 'Kecamatan Pesanggaran, Kabupaten Banyuwangi',
    value: '5,2%',
    valueLabel: 'Prevalensi stunting, Agustus 2025',
    valueNote: 'SK 95% 2,9–9,1% · 211 balita',
    points: [{ value: 20, lo: 18, hi: 22 }, { value: null, lo: null, hi: null }, { value: 5.2, lo: 2.9, hi: 9.1 }],
    firstLabel: 'Feb 2022',
    lastLabel: 'Agu 2025',
    synthetic: 'DATA CONTOH (SINTETIS)',
    footer: 'Sumber: Dinas · CC-BY-4.0 · x.id',
  };
  it('is 1200 × 630 with the name, the value and the synthetic marker', () => {
    const svg = ogImageSvg(input);
    expect(svg).toContain(`width="${OG_WIDTH}" height="${OG_HEIGHT}"`);
    for (const s of ['Desa Kandangan', '5,2%', 'DATA CONTOH (SINTETIS)', 'Feb 2022']) expect(svg).toContain(s);
  });
  it.each([
    ['short name', input],
    ['long name, long note', { ...input, areaTitle: 'Kelurahan Sumberagung Kidul Wetan Lor', valueNote: 'SK 95% 12,9–19,1% · 1.211 balita, 3 posyandu belum melapor' }],
  ])('keeps the number, its label, the name and the marker inside the centred square a crop keeps (%s)', (_, inp) => {
    const svg = ogImageSvg(inp);
    const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"( font-weight="700")? fill="[^"]+"( text-anchor="middle")?>([^<]*)<\/text>/g)];
    const must = [inp.value, inp.valueLabel, inp.valueNote, inp.synthetic, ...inp.areaTitle.split(' ')];
    for (const m of texts.filter((x) => must.some((w) => w && x[6].includes(w)))) {
      const [x, size, bold, mid, s] = [Number(m[1]), Number(m[3]), !!m[4], !!m[5], m[6]];
      expect(mid, s).toBe(true);
      // Wide glyph estimate (0.62 em bold, 0.58 em regular): the text spans x ± width / 2.
      const half = (s.length * size * (bold ? 0.62 : 0.58)) / 2;
      expect(x - half, s).toBeGreaterThanOrEqual(OG_SQUARE.x0);
      expect(x + half, s).toBeLessThanOrEqual(OG_SQUARE.x1);
    }
    expect(texts.some((m) => m[6] === inp.value && Number(m[3]) >= 96)).toBe(true);
    expect(OG_SQUARE.x1 - OG_SQUARE.x0).toBe(OG_HEIGHT);
  });
  it('says there is no figure instead of drawing one when the value is not published', () => {
    const svg = ogImageSvg({ ...input, value: null, synthetic: null });
    expect(svg).toContain('>–<');
    expect(svg).not.toContain('SINTETIS');
  });
  it('sparkline breaks the line at missing points and scales from 0', () => {
    const s = sparkline(input.points, 100, 50);
    expect(s.line.match(/M/g)?.length).toBe(2);
    expect(s.max).toBeGreaterThanOrEqual(22);
    expect(s.last).toEqual([100, expect.any(Number)]);
  });
  it('has a path under the base', () => {
    expect(ogImagePath('en', '35.10.01', '/stunting')).toBe('/stunting/og/en/35.10.01.png');
  });
});
