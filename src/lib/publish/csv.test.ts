import { describe, expect, it } from 'vitest';
import { DelimitedText, EXCEL_DIALECT, TIDY_DIALECT, toDelimited } from './csv.ts';

describe('DelimitedText', () => {
  it('writes what toDelimited writes, whatever the flushes, in both dialects', () => {
    const header = ['kode', 'nama', 'nilai'];
    const rows = [['35.01', 'Pacitan, Kab.', 9.5], ['35.02', '=cmd', null], ['35.03', 'say "hi"', -1.25]];
    for (const d of [TIDY_DIALECT, EXCEL_DIALECT]) {
      const whole = toDelimited(header, rows, d);
      const t = new DelimitedText(header, d);
      t.add(rows[0]);
      t.flush();
      t.flush();
      t.add(rows[1]);
      t.add(rows[2]);
      expect(t.text()).toBe(whole);
      expect(new DelimitedText(header, d).text()).toBe(toDelimited(header, [], d));
    }
    expect(toDelimited(header, rows, EXCEL_DIALECT).split('\r\n')).toEqual(['\uFEFFkode;nama;nilai', '35.01;Pacitan, Kab.;9,5', "35.02;'=cmd;", '35.03;"say ""hi""";-1,25', '']);
  });
});
