/**
 * Test helper (not part of the build: the published datapackage.json is written by src/lib/publish).
 * A small offline validator for the published `datapackage.json`: the required and typed properties of the
 * Frictionless Data Package, Data Resource and Table Schema specifications (v1, with the v2 rules that tightened v1's
 * SHOULDs: resource names unique), plus checks against the files themselves (present, byte size, SHA-256, CSV header
 * = schema fields, every cell castable to its field type and within its constraints, primary key unique).
 * File reading and hashing are injected (`packageFilesIn` reads a folder). Returns problems as strings; an empty list
 * means valid.
 *
 * Specs: https://specs.frictionlessdata.io/data-package/, /data-resource/, /table-schema/ (and datapackage.org v2).
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the validator may read: a file's bytes by package-relative path (null when absent), and SHA-256 hex. */
export interface PackageFiles {
  read(path: string): Uint8Array | null;
  sha256(bytes: Uint8Array): string;
}

/** Field types of Table Schema. */
const FIELD_TYPES = [
  'string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth',
  'duration', 'geopoint', 'geojson', 'any', 'list',
] as const;

const NAME_RE = /^[-a-z0-9._/]+$/;
const MEDIATYPE_RE = /^[^/\s]+\/[^/\s]+$/;
const HASH_RE = /^(?:(md5|sha1|sha256|sha512):)?([a-fA-F0-9]+)$/;
const HASH_LEN: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
const CONSTRAINT_KEYS = new Set(['required', 'unique', 'minimum', 'maximum', 'minLength', 'maxLength', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'enum', 'jsonSchema']);

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isUrl = (s: string) => /^https?:\/\/[^\s]+$/i.test(s);
/** A package-relative POSIX path: no leading slash, no `..` segment, no backslash, no scheme. */
function isSafeRelativePath(s: string): boolean {
  return s.length > 0 && !s.startsWith('/') && !s.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.split('/').includes('..');
}

/** Problems of the descriptor alone (no file access). */
export function validateDescriptor(d: unknown): string[] {
  const out: string[] = [];
  if (!isObj(d)) return ['descriptor: must be a JSON object'];
  if ('name' in d && (typeof d.name !== 'string' || !NAME_RE.test(d.name))) out.push(`name: "${String(d.name)}" must be lower case a-z, 0-9, "-", "_", "." or "/"`);
  for (const k of ['title', 'description', 'version', 'homepage', 'profile', 'id', 'created'] as const) {
    if (k in d && typeof d[k] !== 'string') out.push(`${k}: must be a string`);
  }
  if ('licenses' in d) {
    if (!Array.isArray(d.licenses) || d.licenses.length === 0) out.push('licenses: must be a non-empty array');
    else d.licenses.forEach((l, i) => {
      if (!isObj(l)) return out.push(`licenses[${i}]: must be an object`);
      if (typeof l.name !== 'string' && typeof l.path !== 'string') out.push(`licenses[${i}]: needs a name or a path`);
      if (typeof l.name === 'string' && /\s/.test(l.name)) out.push(`licenses[${i}].name: "${l.name}" must be a licence id without spaces (e.g. CC-BY-4.0)`);
      if (typeof l.path === 'string' && !isUrl(l.path) && !isSafeRelativePath(l.path)) out.push(`licenses[${i}].path: not a URL or relative path`);
    });
  }
  for (const k of ['sources', 'contributors'] as const) {
    if (!(k in d)) continue;
    if (!Array.isArray(d[k])) out.push(`${k}: must be an array`);
    else (d[k] as unknown[]).forEach((s, i) => {
      if (!isObj(s) || typeof s.title !== 'string' || !s.title) out.push(`${k}[${i}]: needs a title`);
      else if ('path' in s && (typeof s.path !== 'string' || (!isUrl(s.path) && !isSafeRelativePath(s.path)))) out.push(`${k}[${i}].path: not a URL or relative path`);
    });
  }
  if (!Array.isArray(d.resources) || d.resources.length === 0) {
    out.push('resources: required, a non-empty array');
    return out;
  }
  const names = new Map<string, number>();
  d.resources.forEach((r, i) => {
    const at = `resources[${i}]`;
    if (!isObj(r)) return out.push(`${at}: must be an object`);
    if (typeof r.name !== 'string' || !NAME_RE.test(r.name)) out.push(`${at}.name: required, lower case a-z, 0-9, "-", "_", "." or "/" (got ${JSON.stringify(r.name)})`);
    else if (names.has(r.name)) out.push(`${at}.name: "${r.name}" is not unique (also resources[${names.get(r.name)}])`);
    else names.set(r.name, i);
    const hasPath = 'path' in r;
    const hasData = 'data' in r;
    if (hasPath === hasData) out.push(`${at}: needs exactly one of path or data`);
    if (hasPath) {
      const paths = Array.isArray(r.path) ? r.path : [r.path];
      if (!paths.length) out.push(`${at}.path: empty`);
      for (const p of paths) if (typeof p !== 'string' || (!isUrl(p) && !isSafeRelativePath(p))) out.push(`${at}.path: ${JSON.stringify(p)} is not a URL or a safe relative POSIX path`);
    }
    for (const k of ['title', 'description', 'format', 'encoding', 'profile'] as const) if (k in r && typeof r[k] !== 'string') out.push(`${at}.${k}: must be a string`);
    if ('mediatype' in r && (typeof r.mediatype !== 'string' || !MEDIATYPE_RE.test(r.mediatype))) out.push(`${at}.mediatype: not a media type`);
    if ('bytes' in r && !(Number.isInteger(r.bytes) && (r.bytes as number) >= 0)) out.push(`${at}.bytes: must be a non-negative integer`);
    if ('hash' in r) {
      const m = typeof r.hash === 'string' ? HASH_RE.exec(r.hash) : null;
      if (!m) out.push(`${at}.hash: not "[algorithm:]hex"`);
      else if (m[2].length !== HASH_LEN[m[1] ?? 'md5']) out.push(`${at}.hash: wrong length for ${m[1] ?? 'md5'}`);
    }
    if ('schema' in r) {
      // A schema is an object or a path (or URL) to one (Data Resource spec: "schema" as a url-or-path).
      if (typeof r.schema === 'string') {
        if (!r.schema || /^\/|\.\./.test(r.schema)) out.push(`${at}.schema: a path must be relative, without ".."`);
      } else if (!isObj(r.schema)) out.push(`${at}.schema: must be a Table Schema object or a path to one`);
      else for (const p of validateTableSchema(r.schema)) out.push(`${at}.schema.${p}`);
    }
  });
  return out;
}

/** Problems of a Table Schema descriptor. */
function validateTableSchema(s: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (!Array.isArray(s.fields) || s.fields.length === 0) return ['fields: required, a non-empty array'];
  const names = new Set<string>();
  s.fields.forEach((f, i) => {
    const at = `fields[${i}]`;
    if (!isObj(f)) return out.push(`${at}: must be an object`);
    if (typeof f.name !== 'string' || !f.name) out.push(`${at}.name: required`);
    else if (names.has(f.name)) out.push(`${at}.name: "${f.name}" is not unique`);
    else names.add(f.name);
    if ('type' in f && !(FIELD_TYPES as readonly string[]).includes(f.type as string)) out.push(`${at}.type: unknown type ${JSON.stringify(f.type)}`);
    if ('constraints' in f) {
      if (!isObj(f.constraints)) out.push(`${at}.constraints: must be an object`);
      else {
        for (const k of Object.keys(f.constraints)) if (!CONSTRAINT_KEYS.has(k)) out.push(`${at}.constraints.${k}: unknown constraint`);
        const e = f.constraints.enum;
        if (e !== undefined && (!Array.isArray(e) || e.length === 0)) out.push(`${at}.constraints.enum: must be a non-empty array`);
      }
    }
  });
  if ('missingValues' in s && (!Array.isArray(s.missingValues) || s.missingValues.some((v) => typeof v !== 'string'))) out.push('missingValues: must be an array of strings');
  if ('primaryKey' in s) {
    const pk = Array.isArray(s.primaryKey) ? s.primaryKey : [s.primaryKey];
    for (const k of pk) if (typeof k !== 'string' || !names.has(k)) out.push(`primaryKey: ${JSON.stringify(k)} is not a field`);
  }
  if ('foreignKeys' in s && !Array.isArray(s.foreignKeys)) out.push('foreignKeys: must be an array');
  return out;
}

/** Splits CSV text into rows of cells (RFC 4180: quotes, doubled quotes, CRLF or LF), cells split at `delimiter`. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += c;
    } else if (c === '"') q = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when a (non-missing) CSV cell is a valid value of a Table Schema type (default formats). */
export function castable(type: string, v: string): boolean {
  switch (type) {
    case 'integer':
      return /^[-+]?\d+$/.test(v);
    case 'number':
      return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) || v === 'NaN' || v === 'INF' || v === '-INF';
    case 'boolean':
      return ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'].includes(v);
    case 'yearmonth':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
    case 'year':
      return /^\d{4}$/.test(v);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
    default:
      return true;
  }
}

/** Problems of a CSV resource's content against its schema (header, types, constraints, primary key), read with the
 * resource's dialect (`delimiter`) and each number field's `decimalChar`. */
export function validateCsvAgainstSchema(text: string, schema: Record<string, unknown>, label: string, dialect: { delimiter?: unknown } = {}): string[] {
  const out: string[] = [];
  const fields = (schema.fields as { name: string; type?: string; decimalChar?: string; constraints?: Record<string, unknown> }[]) ?? [];
  const missing = new Set((schema.missingValues as string[] | undefined) ?? ['']);
  const delimiter = typeof dialect.delimiter === 'string' && dialect.delimiter.length === 1 ? dialect.delimiter : ',';
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), delimiter);
  if (!rows.length) return [`${label}: empty file`];
  const header = rows[0];
  if (header.join(',') !== fields.map((f) => f.name).join(',')) out.push(`${label}: header ${header.join(',')} ≠ schema fields ${fields.map((f) => f.name).join(',')}`);
  // A number written with another decimal mark is checked as if written with a point.
  const asNumber = (f: (typeof fields)[number], v: string) => (f.type === 'number' && f.decimalChar && f.decimalChar !== '.' ? (v.includes('.') ? 'x' : v.replace(f.decimalChar, '.')) : v);
  const pk = schema.primaryKey ? (Array.isArray(schema.primaryKey) ? schema.primaryKey : [schema.primaryKey]).map((k) => header.indexOf(k as string)) : [];
  const seen = new Set<string>();
  const enums = fields.map((f) => (Array.isArray(f.constraints?.enum) ? new Set((f.constraints!.enum as unknown[]).map(String)) : null));
  for (let r = 1; r < rows.length && out.length < 20; r++) {
    const row = rows[r];
    if (row.length !== fields.length) {
      out.push(`${label}:${r + 1}: ${row.length} cells, expected ${fields.length}`);
      continue;
    }
    row.forEach((v, c) => {
      const f = fields[c];
      if (missing.has(v)) {
        if (f.constraints?.required === true) out.push(`${label}:${r + 1}: ${f.name} is required`);
        return;
      }
      if (!castable(f.type ?? 'string', asNumber(f, v))) out.push(`${label}:${r + 1}: ${f.name} = ${JSON.stringify(v)} is not a ${f.type}`);
      else if (enums[c] && !enums[c]!.has(v)) out.push(`${label}:${r + 1}: ${f.name} = ${JSON.stringify(v)} not in enum`);
    });
    if (pk.length && pk.every((i) => i >= 0)) {
      const key = pk.map((i) => row[i]).join('\u0000');
      if (seen.has(key)) out.push(`${label}:${r + 1}: primary key ${pk.map((i) => row[i]).join(', ')} repeats`);
      seen.add(key);
    }
  }
  return out;
}

/** Every problem of a data package: its descriptor, and each local resource's presence, size, hash and (CSV) content. */
export function validatePackage(descriptor: unknown, files: PackageFiles): string[] {
  const out = validateDescriptor(descriptor);
  if (!isObj(descriptor) || !Array.isArray(descriptor.resources)) return out;
  const dec = new TextDecoder('utf-8', { fatal: true });
  // A schema given as a path is read from the package's files (and checked like an inline one).
  const schemaFile = (path: string): Record<string, unknown> | null => {
    const bytes = isSafeRelativePath(path) ? files.read(path) : null;
    if (!bytes) return null;
    try {
      const parsed: unknown = JSON.parse(dec.decode(bytes));
      return isObj(parsed) && validateTableSchema(parsed).length === 0 ? parsed : null;
    } catch {
      return null;
    }
  };
  descriptor.resources.forEach((r, i) => {
    if (!isObj(r) || typeof r.path !== 'string' || isUrl(r.path) || !isSafeRelativePath(r.path)) return;
    const at = `resources[${i}] (${r.path})`;
    const bytes = files.read(r.path);
    if (!bytes) return out.push(`${at}: file missing`);
    if (typeof r.bytes === 'number' && r.bytes !== bytes.byteLength) out.push(`${at}: bytes ${r.bytes} ≠ actual ${bytes.byteLength}`);
    if (typeof r.hash === 'string') {
      const m = HASH_RE.exec(r.hash);
      if (m && (m[1] ?? 'md5') === 'sha256' && m[2].toLowerCase() !== files.sha256(bytes)) out.push(`${at}: sha256 does not match the file`);
    }
    let text = '';
    try {
      text = dec.decode(bytes);
    } catch {
      return out.push(`${at}: not valid UTF-8`);
    }
    if (r.format === 'json') {
      try {
        JSON.parse(text);
      } catch {
        out.push(`${at}: not valid JSON`);
      }
    }
    const schema = typeof r.schema === 'string' ? schemaFile(r.schema) : r.schema;
    if (typeof r.schema === 'string' && !schema) out.push(`${at}: schema file ${r.schema} missing or not a Table Schema`);
    if (isObj(schema) && (r.format === 'csv' || r.path.endsWith('.csv'))) out.push(...validateCsvAgainstSchema(text, schema, r.path, isObj(r.dialect) ? r.dialect : {}));
  });
  return out;
}

/** The files of a package folder on disk, hashed with node:crypto. */
export function packageFilesIn(dir: string): PackageFiles {
  return {
    read: (p) => (existsSync(join(dir, p)) ? new Uint8Array(readFileSync(join(dir, p))) : null),
    sha256: (b) => createHash('sha256').update(b).digest('hex'),
  };
}
