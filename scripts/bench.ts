/**
 * `npm run bench [-- --rows N] [--keep]`: measures the CSV pipeline on a synthetic e-PPGBM-style export.
 *
 * Generates (fixed seed, own PRNG) N rows (default 1,000,000) into bench/.work/: the export (`;`, decimal comma,
 * DD/MM/YYYY, CRLF, real Banyuwangi kecamatan/desa names, visibly fake identities) and the same rows in the
 * `zscores` CLI format. Then runs every job in a fresh child process that reports its own wall time (from process
 * start), CPU time and peak memory (`process.resourceUsage()`, worker threads included):
 *   read        fs stream over the export, counting bytes and newlines
 *   csv-parse   csv-parse streaming the export, one thread, array rows
 *   csv-objects csv-parse with object rows (columns: true)
 *   zscores     the zscores CLI on the CLI-format file, output to /dev/null (also with --no-fast-path)
 *   build-data  node scripts/build-data.ts on a temporary config pointing at the export
 * and prints a table (with --repeat N: the best time of N runs and the highest peak). Files are reused across runs when --keep left them; without --keep they are removed.
 */
import { spawnSync } from 'node:child_process';
import { DATA_HEAP_MB } from './lib/heap-cap.ts';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, writeSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { readWhoTables } from './lib/who-files.ts';
import { uniform32 } from '../src/lib/demo/prng.ts';
import type { LmsTable } from '../src/lib/who/tables.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench/.work');
const SELF = fileURLToPath(import.meta.url);
/** Bump when the generated rows change, so that kept files are regenerated. */
const GENERATOR_VERSION = 1;
const SEED = 20250801;

/** The export's header (e-PPGBM "data balita" columns). */
export const EPPGBM_HEADER =
  'No;NIK;Nama Anak;JK;Tgl Lahir;Nama Ortu;Alamat;Prov;Kab/Kota;Kec;Desa/Kel;Posyandu;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;LiLA;Edema';
/** The zscores CLI input header. */
export const CLI_HEADER = 'id,sex,dob,measure_date,weight_kg,lenhei_cm,measure,oedema';

interface Desa {
  name: string;
  kec: string;
}

/** Banyuwangi (35.10) desa with their kecamatan, from the Kemendagri list (or the boundaries as a fallback). */
function readBanyuwangi(): Desa[] {
  const codes = join(ROOT, 'data/areas/kode_wilayah_2025.csv.gz');
  const kec = new Map<string, string>();
  const desa: { code: string; name: string }[] = [];
  if (existsSync(codes)) {
    for (const line of gunzipSync(readFileSync(codes)).toString('utf8').split('\n')) {
      if (!line.startsWith('35.10.')) continue;
      const f = line.split(',');
      const name = f[1].replace(/^"|"$/g, '');
      if (/^35\.10\.\d\d$/.test(f[0])) kec.set(f[0], name);
      else if (/^35\.10\.\d\d\.\d{4}$/.test(f[0])) desa.push({ code: f[0], name });
    }
  } else {
    const geo = JSON.parse(readFileSync(join(ROOT, 'data/boundaries/banyuwangi-3510/desa.geojson'), 'utf8')) as {
      features: { properties: Record<string, string> }[];
    };
    for (const f of geo.features) {
      const p = f.properties;
      const code = p.code ?? p.kode ?? p.id;
      desa.push({ code, name: p.name ?? p.nama });
      kec.set(code.slice(0, 8), p.kecamatan ?? p.kec ?? code.slice(0, 8));
    }
  }
  if (desa.length === 0) throw new Error('bench: no Banyuwangi desa found in data/areas or data/boundaries');
  return desa.map((d) => ({ name: d.name.toUpperCase(), kec: (kec.get(d.code.slice(0, 8)) ?? '').toUpperCase() }));
}

const BOYS = ['Adi', 'Agus', 'Ahmad', 'Bagus', 'Bima', 'Budi', 'Dimas', 'Eko', 'Fajar', 'Galih', 'Ilham', 'Rizky', 'Wahyu', 'Yusuf'];
const GIRLS = ['Aisyah', 'Alya', 'Ayu', 'Citra', 'Dewi', 'Fitri', 'Intan', 'Laras', 'Nabila', 'Putri', 'Sari', 'Siti', 'Wulan', 'Zahra'];
const SECOND = ['Pratama', 'Saputra', 'Wijaya', 'Hidayat', 'Santoso', 'Nugroho', 'Rahayu', 'Safitri', 'Lestari', 'Utami'];
const FLOWERS = ['Melati', 'Mawar', 'Anggrek', 'Kenanga', 'Dahlia', 'Flamboyan', 'Cempaka', 'Teratai'];

/** Days since 1970-01-01 → [DD/MM/YYYY, YYYY-MM-DD]. */
function dates(day: number): [string, string] {
  const d = new Date(day * 86400000);
  const y = String(d.getUTCFullYear());
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return [`${dd}/${m}/${y}`, `${y}-${m}-${dd}`];
}

function lmsValue(t: LmsTable, sex: 1 | 2, key: number, z: number): number {
  const k = Math.min(t.maxKey, Math.max(t.minKey, key));
  const o = ((sex - 1) * t.size + (k - t.minKey)) * 3;
  const l = t.values[o];
  const m = t.values[o + 1];
  const s = t.values[o + 2];
  return l === 0 ? m * Math.exp(s * z) : m * Math.pow(1 + l * s * z, 1 / l);
}

/** The row maker of the benchmark export: row i in the e-PPGBM layout and in the CLI layout (same child). The draws
 * come from one seeded stream in a fixed order, so the files are the same bytes on every machine. */
function rowMaker(): (i: number) => [string, string] {
  const desa = readBanyuwangi();
  const who = readWhoTables();
  const rnd = uniform32(SEED);
  const int = (k: number) => Math.floor(rnd() * k);
  let spare = NaN;
  const normal = () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u = 1 - rnd();
    const v = rnd();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  // measurement rounds: February and August 2022-2025
  const rounds: number[] = [];
  for (let y = 2022; y <= 2025; y++) for (const m of [1, 7]) rounds.push(Date.UTC(y, m, 1) / 86400000);
  const dateCache = new Map<number, [string, string]>();
  const dateOf = (day: number) => {
    let d = dateCache.get(day);
    if (!d) dateCache.set(day, (d = dates(day)));
    return d;
  };
  const comma = (tenths: number) => `${Math.floor(tenths / 10)},${tenths % 10}`;
  const dot = (tenths: number) => `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return (i) => {
    const d = desa[int(desa.length)];
    const sex: 1 | 2 = rnd() < 0.5 ? 1 : 2;
    const mday = rounds[int(rounds.length)] + int(28);
    const age = int(1826);
    const [dobDmy, dobIso] = dateOf(mday - age);
    const [mDmy, mIso] = dateOf(mday);
    // length/height from HAZ ~ N(-1, 1.2); weight from WHZ ~ N(-0.2, 1.1) at that length/height
    const lenTrue = lmsValue(who.len, sex, age, -1 + 1.2 * normal());
    let pos: 'L' | 'H' = age < 731 ? 'L' : 'H';
    if (rnd() < 0.03) pos = pos === 'L' ? 'H' : 'L';
    const hTenths = Math.max(400, Math.round(lenTrue * 10));
    const wTable = age < 731 ? who.wfl : who.wfh;
    const w = lmsValue(wTable, sex, hTenths, -0.2 + 1.1 * normal());
    const wTenths = Math.max(10, Math.round(w * 10));
    const hRec = rnd() < 0.1 ? Math.round(hTenths / 5) * 5 : hTenths; // some digit preference
    const missW = rnd() < 0.005;
    const missH = rnd() < 0.003;
    const oedema = rnd() < 0.001;
    const name = `${(sex === 1 ? BOYS : GIRLS)[int(14)]} ${SECOND[int(10)]} (Contoh)`;
    const nik = `99${String(int(1e7)).padStart(7, '0')}${String(i).padStart(7, '0')}`;
    const lila = age >= 183 ? comma(120 + int(50)) : '';
    const lineE =
      `${i};${nik};${name};${sex === 1 ? 'L' : 'P'};${dobDmy};${SECOND[int(10)]} (Contoh);Jl. Contoh No. ${1 + int(99)} RT ` +
      `${String(1 + int(9)).padStart(3, '0')}/RW ${String(1 + int(5)).padStart(3, '0')};JAWA TIMUR;KABUPATEN BANYUWANGI;` +
      `${d.kec};${d.name};Posyandu ${FLOWERS[int(8)]} ${1 + int(5)};${mDmy};${missW ? '' : comma(wTenths)};` +
      `${missH ? '' : comma(hRec)};${pos === 'L' ? 'Terlentang' : 'Berdiri'};${lila};${oedema ? 'Ya' : 'Tidak'}\r\n`;
    const lineC = `${i},${sex},${dobIso},${mIso},${missW ? '' : dot(wTenths)},${missH ? '' : dot(hRec)},${pos},${oedema ? 'y' : 'n'}\n`;
    return [lineE, lineC];
  };
}

/** Writes the export and the CLI-format file with the same n rows; returns their paths. */
function generate(n: number): { eppgbm: string; cli: string } {
  // one folder per size: the build reads every file of its measurements folder
  mkdirSync(join(WORK, `measurements-${n}`), { recursive: true });
  const eppgbm = join(WORK, `measurements-${n}`, `bench-${n}.csv`);
  const cli = join(WORK, `zscores-${n}.csv`);
  const meta = join(WORK, `bench-${n}.json`);
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, seed: SEED, rows: n });
  if (existsSync(eppgbm) && existsSync(cli) && existsSync(meta) && readFileSync(meta, 'utf8') === stamp) {
    console.log(`bench: reusing ${n} rows in bench/.work/`);
    return { eppgbm, cli };
  }
  const t0 = performance.now();
  const row = rowMaker();
  const fdE = openSync(eppgbm, 'w');
  const fdC = openSync(cli, 'w');
  let bufE = EPPGBM_HEADER + '\r\n';
  let bufC = CLI_HEADER + '\n';
  for (let i = 1; i <= n; i++) {
    const [lineE, lineC] = row(i);
    bufE += lineE;
    bufC += lineC;
    if (bufE.length > 1 << 22) {
      writeSync(fdE, bufE);
      writeSync(fdC, bufC);
      bufE = '';
      bufC = '';
    }
  }
  writeSync(fdE, bufE);
  writeSync(fdC, bufC);
  closeSync(fdE);
  closeSync(fdC);
  writeFileSync(meta, stamp);
  console.log(`bench: generated ${n} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { eppgbm, cli };
}

interface JobStats {
  seconds: number;
  /** User + system CPU seconds of the whole process (worker threads included). */
  cpu: number;
  maxRssMB: number;
  exitCode: number;
  detail?: string;
}

/** Child side: runs one job and writes its stats to `stats` when the process exits. */
async function child(job: string, stats: string, rest: string[]): Promise<void> {
  let detail = '';
  process.on('exit', (code) => {
    const ru = process.resourceUsage();
    const s: JobStats = {
      seconds: performance.now() / 1000,
      cpu: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
      maxRssMB: ru.maxRSS / 1024,
      exitCode: typeof process.exitCode === 'number' ? process.exitCode : code,
      detail,
    };
    writeFileSync(stats, JSON.stringify(s));
  });
  const file = rest[0];
  if (job === 'read') {
    let bytes = 0;
    let lines = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      let i = chunk.indexOf(10);
      while (i !== -1) {
        lines++;
        i = chunk.indexOf(10, i + 1);
      }
    }
    detail = `${bytes} bytes, ${lines} lines`;
  } else if (job === 'csv-parse' || job === 'csv-objects') {
    const { parse } = await import('csv-parse');
    let records = 0;
    const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      parse({ delimiter: ';', columns: job === 'csv-objects', record_delimiter: '\r\n' }),
    );
    for await (const _r of parser) records++;
    detail = `${records} records`;
  } else if (job === 'zscores' || job === 'build-data') {
    // run the real script in this process, as `node <script> <args>` would
    const script = join(ROOT, 'scripts', `${job}.ts`);
    process.argv = [process.execPath, script, ...rest];
    await import(script);
  } else throw new Error(`unknown job ${job}`);
}

/** Runs a job `repeat` times (fresh process each): the fastest time, the highest peak memory. */
function runJobs(repeat: number, job: string, args: string[]): JobStats & { error?: string } {
  let best: (JobStats & { error?: string }) | null = null;
  for (let i = 0; i < repeat; i++) {
    const s = runJob(job, args);
    if (s.error) return s;
    if (!best) best = s;
    else {
      best = {
        ...(s.seconds < best.seconds ? s : best),
        cpu: Math.min(s.cpu, best.cpu),
        maxRssMB: Math.max(s.maxRssMB, best.maxRssMB),
      };
    }
  }
  return best!;
}

/** Parent side: runs a job in a fresh process; stdout goes to /dev/null. */
function runJob(job: string, args: string[]): JobStats & { error?: string } {
  const stats = join(WORK, `.stats-${process.pid}-${job}.json`);
  rmSync(stats, { force: true });
  const devnull = openSync('/dev/null', 'w');
  // The data build runs under its heap cap, as `npm run data` runs it (scripts/lib/heap-cap.ts), here in the measured
  // process itself.
  const node = job === 'build-data' ? [`--max-old-space-size=${DATA_HEAP_MB}`] : [];
  const r = spawnSync(process.execPath, [...node, SELF, '--child', job, '--stats', stats, '--', ...args], {
    stdio: ['ignore', devnull, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  closeSync(devnull);
  if (!existsSync(stats)) return { seconds: NaN, cpu: NaN, maxRssMB: NaN, exitCode: r.status ?? -1, error: (r.stderr || String(r.error)).trim() };
  const s = JSON.parse(readFileSync(stats, 'utf8')) as JobStats;
  rmSync(stats, { force: true });
  if (s.exitCode !== 0) return { ...s, error: r.stderr.trim().split('\n').slice(-6).join('\n') };
  return s;
}

/** A temporary site config: the real one with every data path absolute, measurements from bench/.work. */
function benchConfig(n: number): string {
  const src = join(ROOT, 'data/site.config.json');
  const cfg = JSON.parse(readFileSync(src, 'utf8')) as Record<string, unknown> & {
    measurements?: Record<string, unknown>;
    areas?: Record<string, string>;
  };
  const abs = (p: unknown) => (typeof p === 'string' ? resolve(ROOT, 'data', p) : p);
  for (const k of ['surveys', 'boundaries', 'aggregates', 'targets']) if (k in cfg) cfg[k] = abs(cfg[k]);
  if (cfg.areas) for (const k of Object.keys(cfg.areas)) cfg.areas[k] = abs(cfg.areas[k]) as string;
  // The convergence inputs too: the benchmark builds what the real config builds.
  const conv = cfg.convergence as Record<string, string> | undefined;
  if (conv) for (const k of Object.keys(conv)) conv[k] = abs(conv[k]) as string;
  if (typeof cfg.$schema === 'string') delete cfg.$schema;
  cfg.measurements = { ...(cfg.measurements ?? {}), dir: join(WORK, `measurements-${n}`) };
  cfg.maxBadRowShare = 1;
  const p = join(WORK, 'bench.config.json');
  writeFileSync(p, JSON.stringify(cfg, null, 2));
  return p;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: 'string', default: '1000000' },
      keep: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
      jobs: { type: 'string' },
      child: { type: 'string' },
      stats: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.child) return child(values.child, values.stats!, positionals);
  if (values.help) {
    console.log(
      'Usage: npm run bench [-- --rows N (default 1000000)] [--keep] [--repeat N (best time of N runs)] [--jobs read,csv-parse,csv-objects,zscores,zscores-slow,build-data]',
    );
    return;
  }
  const n = Number(values.rows);
  if (!Number.isInteger(n) || n < 1) throw new Error('--rows needs a positive integer');
  const repeat = Math.max(1, Number(values.repeat) || 1);
  const jobs = (values.jobs ?? 'read,csv-parse,csv-objects,zscores,zscores-slow,build-data').split(',');
  const { eppgbm, cli } = generate(n);
  const results: { job: string; rows: number; s?: JobStats & { error?: string }; note?: string }[] = [];
  for (const job of jobs) {
    let s: JobStats & { error?: string };
    let note: string | undefined;
    if (job === 'read' || job === 'csv-parse' || job === 'csv-objects') s = runJobs(repeat, job, [eppgbm]);
    else if (job === 'zscores') s = runJobs(repeat, 'zscores', [cli]);
    else if (job === 'zscores-slow') s = runJobs(repeat, 'zscores', ['--no-fast-path', cli]);
    else if (job === 'build-data') {
      if (!existsSync(join(ROOT, 'scripts/build-data.ts'))) {
        console.log('build-data: not available (scripts/build-data.ts does not exist yet)');
        continue;
      }
      const out = mkdtempSync(join(tmpdir(), 'bench-build-'));
      const args = ['--config', benchConfig(n), '--out', join(out, 'generated')];
      s = runJobs(repeat, 'build-data', [...args, '--force']);
      if (s.error) {
        rmSync(out, { recursive: true, force: true });
        console.log(`build-data: not available (${s.error.split('\n').slice(-3).join(' | ')})`);
        continue;
      }
      // The same build again with nothing changed: the incremental check alone (scripts/lib/fingerprint.ts).
      const same = runJobs(1, 'build-data', args);
      rmSync(out, { recursive: true, force: true });
      if (!same.error) {
        results.push({ job: 'rebuild-same', rows: n, s: same });
        console.log(`rebuild-same: ${same.seconds.toFixed(2)} s, ${Math.round(same.maxRssMB)} MB (build-data with nothing changed)`);
      }
    } else throw new Error(`unknown job ${job}`);
    if (s.error) console.log(`${job}: failed (${s.error})`);
    results.push({ job, rows: n, s, note });
    console.log(`${job}: ${s.seconds.toFixed(2)} s, cpu ${s.cpu.toFixed(2)} s, ${Math.round(s.maxRssMB)} MB${s.detail ? ` (${s.detail})` : ''}`);
  }
  const pad = (x: string, w: number) => x.padStart(w);
  console.log('');
  console.log(`${'job'.padEnd(14)}${pad('rows', 10)}${pad('seconds', 9)}${pad('rows/s', 11)}${pad('peak MB', 9)}${pad('cpu s', 8)}`);
  for (const r of results) {
    const s = r.s!;
    console.log(
      `${r.job.padEnd(14)}${pad(String(r.rows), 10)}${pad(s.seconds.toFixed(2), 9)}` +
        `${pad(Math.round(r.rows / s.seconds).toLocaleString('en-US'), 11)}${pad(String(Math.round(s.maxRssMB)), 9)}` +
        `${pad(s.cpu.toFixed(2), 8)}`,
    );
  }
  const b = results.find((r) => r.job === 'csv-parse')?.s;
  const e = results.find((r) => r.job === 'build-data')?.s;
  if (b && e && !e.error) {
    console.log(`\nbuild-data / csv-parse alone: ${(e.seconds / b.seconds).toFixed(2)}x wall, ${(e.cpu / b.cpu).toFixed(2)}x cpu`);
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`(wall times are the best of ${repeat}; load average now ${load} on ${availableParallelism()} cores: other work inflates wall times, cpu s does not)`);
  if (!values.keep) {
    rmSync(WORK, { recursive: true, force: true });
  }
}

await main();
