/**
 * One obvious place for everything (issue 15): no production source file over 400 lines and no function over 80,
 * measured on the TypeScript syntax tree (function declarations, methods, arrow functions and function expressions,
 * from their first to their last line). Tests and fixtures are not counted. A file or function that grows past the
 * limit fails here with its name and length, so it is split while it is still easy.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAX_FILE = 400;
const MAX_FUNCTION = 80;

const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mjs|astro)$/.test(f) && !/\.test\.ts$|\.test-worker\.ts$/.test(f));

function longFunctions(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n)) && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const lines = sf.getLineAndCharacterOfPosition(n.end).line - first + 1;
      if (lines > MAX_FUNCTION) out.push(`${file}:${first + 1} ${n.name?.getText(sf) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '(anonymous)')} ${lines} lines`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('code size', () => {
  it('finds the sources', () => expect(sources.length).toBeGreaterThan(100));

  it(`no production source file over ${MAX_FILE} lines`, () => {
    const long = sources.map((f) => [f, readFileSync(ROOT + f, 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_FILE);
    expect(long.map(([f, n]) => `${f} ${n} lines`)).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION} lines`, () => {
    const long = sources.filter((f) => !f.endsWith('.astro')).flatMap((f) => longFunctions(f, readFileSync(ROOT + f, 'utf8')));
    expect(long).toEqual([]);
  });

  it('the measure sees a long function (the check can fail)', () => {
    const body = Array.from({ length: MAX_FUNCTION }, (_, i) => `  x += ${i};`).join('\n');
    expect(longFunctions('x.ts', `function f() {\n  let x = 0;\n${body}\n}\n`)).toEqual([`x.ts:1 f ${MAX_FUNCTION + 3} lines`]);
    expect(longFunctions('x.ts', 'const g = () => 1;\n')).toEqual([]);
  });
});
