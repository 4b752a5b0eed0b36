import { describe, expect, it } from 'vitest';
import { inPageShard, parsePageShard, shardPaths } from './page-shard.ts';

const paths = Array.from({ length: 2000 }, (_, i) => ({ params: { kode: `35.${String(i).padStart(4, '0')}` }, props: { i } }));

describe('page shards', () => {
  it('parses PAGE_SHARD and refuses a malformed value, naming it', () => {
    expect(parsePageShard(undefined)).toBeNull();
    expect(parsePageShard('')).toBeNull();
    expect(parsePageShard('1/2')).toEqual({ index: 1, count: 2 });
    for (const bad of ['2/2', '1', 'a/b', '0/0', '-1/2']) expect(() => parsePageShard(bad)).toThrow(`"${bad}"`);
  });

  it('puts every page in exactly one shard, spread evenly, and keeps every page without a shard', () => {
    const a = shardPaths(paths, { index: 0, count: 2 });
    const b = shardPaths(paths, { index: 1, count: 2 });
    expect(a.length + b.length).toBe(paths.length);
    expect(new Set([...a, ...b].map((p) => p.params.kode)).size).toBe(paths.length);
    expect(Math.abs(a.length - b.length)).toBeLessThan(150);
    expect(shardPaths(paths, null)).toEqual(paths);
    const three = [0, 1, 2].map((index) => shardPaths(paths, { index, count: 3 }).length);
    expect(three.reduce((x, y) => x + y)).toBe(paths.length);
    expect(Math.min(...three)).toBeGreaterThan(560);
  });

  it('gives a key the same shard every time', () => {
    const s = { index: 1, count: 2 };
    expect(inPageShard('{"kode":"35.78"}', s)).toBe(inPageShard('{"kode":"35.78"}', s));
    expect(inPageShard('x', null)).toBe(true);
  });
});
