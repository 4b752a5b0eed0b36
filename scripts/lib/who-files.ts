/** Reads the WHO growth-standard tables shipped in data/who/ (file I/O lives in scripts, not in src/lib). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadWhoTables, type WhoTables } from '../../src/lib/who/tables.ts';

const WHO_DIR = fileURLToPath(new URL('../../data/who/', import.meta.url));

/** Returns the parsed WHO tables from data/who/. */
export function readWhoTables(dir: string = WHO_DIR): WhoTables {
  const read = (name: string) => readFileSync(`${dir}/${name}anthro.txt`, 'utf8');
  return loadWhoTables({ len: read('len'), wei: read('wei'), wfl: read('wfl'), wfh: read('wfh'), bmi: read('bmi') });
}
