import { describe, expect, it } from 'vitest';
import { OUTPUT_MANIFEST, outputFolderProblem, type OutputFacts } from './output-guard.ts';

const base: OutputFacts = { out: '/w/generated', entries: null, inputs: ['/w/data', '/w/data/site.config.json', '/w/data/measurements'], project: '/w' };

describe('outputFolderProblem', () => {
  it.each([
    ['a missing folder', {}],
    ['an empty folder', { entries: [] }],
    ['an earlier output', { entries: [OUTPUT_MANIFEST, 'data'] }],
    ['an output of a build before manifests', { entries: ['data'], legacyOutput: true }],
  ])('accepts %s', (_name, facts) => expect(outputFolderProblem({ ...base, ...facts })).toBeNull());

  it.each([
    ['the measurements folder', { out: '/w/data/measurements', entries: ['a.csv'] }, 'holds the build\'s inputs (/w/data/measurements)'],
    ['the data folder', { out: '/w/data', entries: ['site.config.json'] }, 'holds the build\'s inputs (/w/data)'],
    ['the project', { out: '/w', entries: ['.git', 'package.json', 'data'] }, 'holds the build\'s inputs'],
    ['a parent of the project', { out: '/', entries: ['w'] }, 'holds the build\'s inputs'],
    ['another project', { out: '/other', entries: ['.git', 'src'] }, 'holds a project (.git or package.json)'],
    ['a folder of someone else\'s files', { out: '/home/x/Documents', entries: ['letter.docx'] }, 'not empty and not an earlier output'],
    ['a file', { out: '/w/notes.txt', entries: [], notFolder: true }, 'it is not a folder'],
  ])('refuses %s, saying why and that nothing was deleted', (_name, facts, why) => {
    const p = outputFolderProblem({ ...base, ...facts });
    expect(p).toContain(why);
    expect(p).toContain('nothing was deleted');
    expect(p).toContain('tidak ada yang dihapus');
  });

  it('a folder name that merely starts like an input is not inside it', () => {
    expect(outputFolderProblem({ ...base, out: '/w/data-out', entries: [] })).toBeNull();
  });
});
