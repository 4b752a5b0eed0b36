/**
 * The measurement-file cache of the data build: what reading one export produced (its packed records and its row
 * tally, block by block), kept beside the output and keyed by the file's content and everything else that shapes the
 * reading (the build's code, the area list, the column settings, the published periods, the reference date). When one
 * round's export changes, the next build reads only that file; the others are replayed from the cache, which skips the
 * parsing and the z-scores (most of a data build), while deduplication, counting and publishing run as always.
 *
 * Privacy: the records hold no identity (record.ts): a child is a 64-bit hash of its NIK or name and birth date, mixed
 * with a secret (`salt`) that must now stay the same between builds, so it is kept in the cache folder, on the same
 * machine as the exports themselves. Nothing of the cache is published. Delete the folder to drop it (or build with
 * `--no-cache`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RECORD_INTS } from '../../src/lib/aggregate/record.ts';
import type { BuildBlockResult } from './build-worker.ts';
import { fingerprint } from './fingerprint.ts';

/** A block result without its records (they go to the .bin file). */
type BlockTally = Omit<BuildBlockResult, 'records'>;

/** The cache folder of an output folder: `.<name>.cache` beside it. */
export function cacheFolderOf(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.cache`);
}

const ROOT = new URL('../../', import.meta.url).pathname;

export class FileCache {
  readonly dir: string;
  /** The secret mixed into the child keys, the same for every build that uses this cache. */
  readonly salt: string;
  private settings = '';
  private used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    const saltFile = join(dir, 'salt');
    if (!existsSync(saltFile)) writeFileSync(saltFile, randomBytes(16).toString('hex'), { mode: 0o600 });
    this.salt = readFileSync(saltFile, 'utf8').trim();
  }

  /** Everything but the file itself that shapes a file's reading; call once before `key`. */
  setSettings(values: unknown): void {
    const code = fingerprint({ base: ROOT, paths: ['src/lib', 'scripts', 'package-lock.json'], values: { kind: 'file-cache' } });
    this.settings = createHash('sha256').update(code).update('\0').update(JSON.stringify(values)).update('\0').update(this.salt).digest('hex');
  }

  /** The cache key of source number `index` whose bytes are in `file`. */
  key(file: string, index: number): string {
    return fingerprint({ base: dirname(file), paths: [file], values: { settings: this.settings, index: String(index) } }).slice(0, 40);
  }

  /** Replays a cached reading block by block (records in a reused buffer); false when there is none. */
  replay(key: string, onBlock: (r: BuildBlockResult) => void): boolean {
    this.used.add(key);
    const json = join(this.dir, `${key}.json`);
    const bin = join(this.dir, `${key}.bin`);
    if (!existsSync(json) || !existsSync(bin)) {
      this.misses++;
      return false;
    }
    const blocks = JSON.parse(readFileSync(json, 'utf8')) as BlockTally[];
    const fd = openSync(bin, 'r');
    try {
      let buf = new Int32Array(0);
      for (const b of blocks) {
        const ints = b.count * RECORD_INTS;
        if (buf.length < ints) buf = new Int32Array(ints);
        const bytes = new Uint8Array(buf.buffer, 0, ints * 4);
        for (let got = 0; got < bytes.length; ) {
          const n = readSync(fd, bytes, got, bytes.length - got, null);
          if (n === 0) throw new Error(`${bin}: shorter than its blocks say (delete ${this.dir})`);
          got += n;
        }
        onBlock({ ...b, records: buf });
      }
    } finally {
      closeSync(fd);
    }
    this.hits++;
    return true;
  }

  /** A writer for a reading not in the cache: add every block, then `commit` (or nothing is kept). */
  writer(key: string): { add(r: BuildBlockResult): void; commit(): void; abandon(): void } {
    const tmp = join(this.dir, `${key}.tmp-${process.pid}`);
    const fd = openSync(`${tmp}.bin`, 'w');
    const blocks: BlockTally[] = [];
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    return {
      add: (r) => {
        const { records, ...tally } = r;
        writeSync(fd, new Uint8Array(records.buffer, records.byteOffset, r.count * RECORD_INTS * 4));
        blocks.push(tally);
      },
      commit: () => {
        close();
        writeFileSync(`${tmp}.json`, JSON.stringify(blocks));
        renameSync(`${tmp}.bin`, join(this.dir, `${key}.bin`));
        renameSync(`${tmp}.json`, join(this.dir, `${key}.json`));
      },
      abandon: () => {
        close();
        rmSync(`${tmp}.bin`, { force: true });
        rmSync(`${tmp}.json`, { force: true });
      },
    };
  }

  /** Removes the readings this build did not use (an export replaced or removed), so the cache holds one build's. */
  prune(): void {
    for (const f of readdirSync(this.dir)) {
      const m = /^([0-9a-f]{40})\.(bin|json)$/.exec(f);
      if ((m && !this.used.has(m[1])) || /\.tmp-\d+\./.test(f)) rmSync(join(this.dir, f), { force: true });
    }
  }
}
