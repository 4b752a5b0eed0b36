import { describe, expect, it } from 'vitest';
import { plainWords } from './plain-words.ts';

const ok = { n: 412, cases: 55, prevalence: 13.3, ci_low: 10.4, ci_high: 16.9, status: 'ok' as const };

describe('plainWords', () => {
  it('explains stunting, the class and the interval with the area\'s own numbers, in Bahasa Indonesia', () => {
    const w = plainWords({ lang: 'id', areaName: 'Tampo', periodLabel: 'Agustus 2025', value: ok, suppressionMin: 10 });
    expect(w.title).toBe('Apa arti angka ini?');
    expect(w.items.map((i) => i.term)).toEqual(['Apa itu stunting?', 'Apa arti kelas “sedang”?', 'Apa arti selang kepercayaan (SK 95%)?']);
    expect(w.items[1].text).toContain('13,3%');
    expect(w.items[1].text).toContain('kira-kira 13 dari setiap 100 anak');
    expect(w.items[1].text).toContain('sedang 10–20%');
    expect(w.items[1].text).toContain('sangat tinggi ≥ 30%');
    expect(w.items[2].text).toContain('10,4–16,9%');
    expect(w.items[2].text).toContain('antara 10,4% dan 16,9%');
    expect(w.items[2].text).toContain('412 anak');
    expect(w.items[2].text).toMatch(/tumpang tindih/);
  });

  it('says the same in English, with the class word of the value', () => {
    const w = plainWords({ lang: 'en', areaName: 'Tampo', periodLabel: 'August 2025', value: { ...ok, prevalence: 31.2, ci_low: 28, ci_high: 34.5 }, suppressionMin: 10 });
    expect(w.items[1].term).toBe('What does the class “very high” mean?');
    expect(w.items[1].text).toContain('about 31 in every 100');
    expect(w.items[2].text).toContain('between 28.0% and 34.5%');
    expect(w.items[2].text).toMatch(/overlap/);
  });

  it('explains a suppressed figure instead of inventing a class or interval', () => {
    const w = plainWords({ lang: 'id', areaName: 'Tampo', periodLabel: 'Agustus 2025', value: { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary' }, suppressionMin: 10 });
    expect(w.items).toHaveLength(2);
    expect(w.items[1].text).toContain('kurang dari 10');
    expect(w.items.map((i) => i.text).join(' ')).not.toMatch(/kelas|SK 95%/);
  });
});
