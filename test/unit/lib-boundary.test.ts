/**
 * The pure core stays pure: no production module under src/lib (its *.test.ts files excepted) imports a Node
 * built-in (`node:fs`, `fs` ...), Astro (`astro`, `astro:*`) or MapLibre (`maplibre-gl`, `@maplibre/*`), or refers to
 * a browser global (document, window ...). Sources are parsed with the TypeScript compiler, so a word in a comment or
 * inside a string (such as the embed host script that `hostScript` returns) does not count, but every import form
 * does: static, re-export, `import type`, dynamic `import()` and `require()`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LIB = join(ROOT, 'src', 'lib');

/** Browser globals the core must not touch (as free identifiers or as `globalThis.x`). */
const DOM_GLOBALS = new Set([
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'customElements',
  'requestAnimationFrame', 'addEventListener', 'HTMLElement', 'Element', 'Event', 'CustomEvent', 'IntersectionObserver',
  'ResizeObserver', 'MutationObserver', 'getComputedStyle', 'matchMedia', 'fetch', 'XMLHttpRequest',
]);

const NODE_BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]));

/** Why a module specifier is not allowed in src/lib, or null when it is. */
function forbiddenModule(spec: string): string | null {
  if (spec.startsWith('node:')) return 'Node built-in';
  if (NODE_BUILTINS.has(spec.split('/')[0])) return 'Node built-in';
  if (spec === 'astro' || spec.startsWith('astro:') || spec.startsWith('astro/')) return 'Astro';
  if (spec === 'maplibre-gl' || spec.startsWith('maplibre-gl/') || spec.startsWith('@maplibre/')) return 'MapLibre';
  return null;
}

/** Every name a file declares (variables, parameters, functions, classes, imports ...), so that a local `location`
 * is not taken for the browser's. */
function declaredNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    const name = (n as { name?: ts.Node }).name;
    if (name && ts.isIdentifier(name) && (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isFunctionDeclaration(n) ||
      ts.isClassDeclaration(n) || ts.isImportSpecifier(n) || ts.isImportClause(n) || ts.isNamespaceImport(n) ||
      ts.isBindingElement(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n))) names.add(name.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return names;
}

/** True when an identifier is used as a value or type reference, not as a property name or a declaration's name. */
function isFreeReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as { name: ts.Node }).name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) ||
    ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

/** The boundary violations of one source text, as `file:line: what`. */
function violations(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declared = declaredNames(sf);
  const out: string[] = [];
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const checkSpec = (n: ts.Node, spec: ts.Node | undefined) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const why = forbiddenModule(spec.text);
    if (why) out.push(`${at(n)}: imports ${spec.text} (${why})`);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) checkSpec(n, n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) checkSpec(n, n.moduleReference.expression);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) {
      checkSpec(n, n.arguments[0]);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) checkSpec(n, n.argument.literal);
    else if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'globalThis' && DOM_GLOBALS.has(n.name.text)) {
      out.push(`${at(n)}: uses the browser global globalThis.${n.name.text}`);
    } else if (ts.isIdentifier(n) && DOM_GLOBALS.has(n.text) && !declared.has(n.text) && isFreeReference(n)) {
      out.push(`${at(n)}: uses the browser global ${n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(m?ts|m?js)$/.test(f) && !/\.test\.m?ts$/.test(f) ? [p] : [];
  });
}

describe('src/lib boundary', () => {
  it('no production module imports node:, astro or maplibre, or uses a browser global', () => {
    const files = sources(LIB);
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) => violations(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds each kind of violation and ignores comments, strings and local names', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "export { x } from 'astro:content';",
      "import type { Map } from 'maplibre-gl';",
      "const spec = await import('@maplibre/maplibre-gl-style-spec');",
      "const z = require('zlib');",
      'type T = import("node:stream").Readable;',
      'const w = window.innerWidth;',
      'document.title = "x";',
      'const d = globalThis.navigator;',
      'function f(e: HTMLElement) { return e; }',
    ].join('\n');
    const v = violations('bad.ts', bad);
    expect(v.map((s) => Number(s.split(':')[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const fine = [
      '// document.title and window are mentioned in a comment',
      "const html = '<script>document.getElementsByTagName(\"iframe\")</script>';",
      'const t = `${1} window`;',
      'function g(location: string) { return location; }',
      'const o = { document: 1, window: 2 };',
      'const y = o.document + o.window;',
      "import { geoPath } from 'd3-geo';",
      "import { x } from './node.ts';",
    ].join('\n');
    expect(violations('fine.ts', fine)).toEqual([]);
  });
});
