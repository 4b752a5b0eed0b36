import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './config.ts';

describe('parseSiteConfig', () => {
  it('fills the defaults from a region code alone', () => {
    const r = parseSiteConfig({ region: '35.10', boundaries: 'boundaries' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.suppression.minMeasured).toBe(10);
    expect(r.config.basemap).toBeNull();
    expect(r.config.measurements.delimiter).toBe('auto');
  });

  it('names the key of every problem', () => {
    const r = parseSiteConfig({ region: '35.10', boundaries: 'boundaries', suppression: { minMeasured: 0 }, colour: 'red' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.key).sort()).toEqual(['(root)', 'suppression.minMeasured']);
    expect(r.issues.find((i) => i.key === '(root)')!.message).toContain('colour');
  });

  describe('basemap', () => {
    it('accepts raster tiles with their attribution', () => {
      const r = parseSiteConfig({ region: '35.10', boundaries: 'boundaries', basemap: { tiles: 'https://tiles.example.id/{z}/{x}/{y}.png', attribution: '© Contoh' } });
      expect(r.ok && r.config.basemap).toEqual({ tiles: 'https://tiles.example.id/{z}/{x}/{y}.png', attribution: '© Contoh' });
    });
    it.each([
      ['a bare string (old form)', 'https://tiles.example.id/{z}/{x}/{y}.png', 'basemap'],
      ['no attribution', { tiles: 'https://tiles.example.id/{z}/{x}/{y}.png' }, 'basemap.attribution'],
      ['not a URL', { tiles: 'tiles', attribution: 'x' }, 'basemap.tiles'],
      ['an unknown key', { tiles: 'https://t.example/{z}/{x}/{y}.png', attribution: 'x', style: 'dark' }, 'basemap'],
    ])('rejects %s, naming the key', (_what, basemap, key) => {
      const r = parseSiteConfig({ region: '35.10', boundaries: 'boundaries', basemap });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.key)).toContain(key);
    });
  });
});
