/**
 * One obvious place for everything (issue 15): no source file over 400 lines and no function over 80, measured on
 * the TypeScript syntax tree (function declarations, methods, arrow functions and function expressions, from their
 * first to their last line). The file limit holds for production code, tests and fixtures alike; the function limit
 * holds for production code, and in tests and fixtures for every function but the callbacks of describe, it and
 * test (a describe block is as long as its cases). A file or function that grows past the limit fails here with its
 * name and length, so it is split while it is still easy.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAX_FILE = 400;
const MAX_FUNCTION = 80;

/** Tests and the files only tests run: *.test.ts, test workers, and everything under test/. */
const isTestFile = (f: string) => /\.test\.ts$|\.test-worker\.ts$/.test(f) || f.startsWith('test/');

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts', 'test'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mjs|astro)$/.test(f));
const sources = files.filter((f) => !isTestFile(f));
const tests = files.filter(isTestFile);

/** The lines of a text: its line breaks plus one (so a file ending in a line break counts one more than `wc -l`). */
const lineCount = (text: string) => text.split('\n').length;

/** The files of `list` over MAX_FILE lines, as "path N lines". */
function longFiles(list: readonly string[], read: (f: string) => string): string[] {
  return list.map((f) => [f, lineCount(read(f))] as const).filter(([, n]) => n > MAX_FILE).map(([f, n]) => `${f} ${n} lines`);
}

const TEST_CALLS = new Set(['describe', 'it', 'test']);

/** True for the callback of a test call: `it('…', () => …)`, `describe.skip(…)`, `it.each(table)('…', fn)`. */
function isTestCallback(n: ts.Node): boolean {
  if (!ts.isCallExpression(n.parent) || !n.parent.arguments.includes(n as ts.Expression)) return false;
  let callee: ts.Expression = n.parent.expression;
  while (ts.isCallExpression(callee) || ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && TEST_CALLS.has(callee.text);
}

/** The functions of a source over MAX_FUNCTION lines, as "path:line name N lines"; `test` skips test callbacks. */
function longFunctions(file: string, text: string, test = false): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n)) && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const lines = sf.getLineAndCharacterOfPosition(n.end).line - first + 1;
      if (lines > MAX_FUNCTION && !(test && isTestCallback(n))) {
        out.push(`${file}:${first + 1} ${n.name?.getText(sf) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '(anonymous)')} ${lines} lines`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const read = (f: string) => readFileSync(ROOT + f, 'utf8');

describe('code size', () => {
  it('finds the sources, tests and fixtures', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(tests.length).toBeGreaterThan(100);
    expect(tests).toContain('test/browser/helpers.ts');
    expect(tests).toContain('test/fixtures/bad-input/make-corpus.ts');
  });

  it(`no production source file over ${MAX_FILE} lines`, () => {
    expect(longFiles(sources, read)).toEqual([]);
  });

  it(`no test or fixture file over ${MAX_FILE} lines`, () => {
    expect(longFiles(tests, read)).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION} lines`, () => {
    const long = sources.filter((f) => !f.endsWith('.astro')).flatMap((f) => longFunctions(f, read(f)));
    expect(long).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION} lines in tests and fixtures but the describe, it and test callbacks`, () => {
    const long = tests.filter((f) => !f.endsWith('.astro')).flatMap((f) => longFunctions(f, read(f), true));
    expect(long).toEqual([]);
  });

  it('the measure sees a long function (the check can fail)', () => {
    const body = Array.from({ length: MAX_FUNCTION }, (_, i) => `  x += ${i};`).join('\n');
    expect(longFunctions('x.ts', `function f() {\n  let x = 0;\n${body}\n}\n`)).toEqual([`x.ts:1 f ${MAX_FUNCTION + 3} lines`]);
    expect(longFunctions('x.ts', 'const g = () => 1;\n')).toEqual([]);
  });

  it('the measure skips test callbacks only in tests, and only theirs', () => {
    const body = Array.from({ length: MAX_FUNCTION }, (_, i) => `    x += ${i};`).join('\n');
    const long = (call: string) => `${call}, () => {\n  let x = 0;\n${body}\n});\n`;
    for (const call of ["describe('d'", "it('i'", "test('t'", "it.skip('i'", "it.each([1, 2])('%d'"]) {
      expect(longFunctions('x.test.ts', long(call), true), call).toEqual([]);
      expect(longFunctions('x.test.ts', long(call))).toHaveLength(1);
    }
    expect(longFunctions('x.test.ts', long("beforeAll('b'"), true)).toEqual([`x.test.ts:1 (anonymous) ${MAX_FUNCTION + 3} lines`]);
    const helper = `describe('d', () => {\n  function h() {\n${body}\n  }\n});\n`;
    expect(longFunctions('x.test.ts', helper, true)).toEqual([`x.test.ts:2 h ${MAX_FUNCTION + 2} lines`]);
  });

  it('the measure sees a long file (the check can fail)', () => {
    const text = (n: number) => 'x\n'.repeat(n - 1) + 'x';
    expect(longFiles(['a.ts', 'b.ts'], (f) => text(f === 'a.ts' ? MAX_FILE : MAX_FILE + 1))).toEqual([`b.ts ${MAX_FILE + 1} lines`]);
  });
});
