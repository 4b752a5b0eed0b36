import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

describe('BoundedCache', () => {
  it('drops the least recently used entries when the sizes pass the bound, keeping what was just read', () => {
    const c = new BoundedCache<string>(10);
    c.set('meta', 'm', 4);
    c.set('a', 'A', 4);
    expect(c.get('meta')).toBe('m'); // meta is now the most recent
    c.set('b', 'B', 4); // 12 > 10: drops a, the least recently used
    expect(c.get('a')).toBeUndefined();
    expect(c.get('meta')).toBe('m');
    expect(c.get('b')).toBe('B');
    expect(c.size).toBe(8);
  });

  it('keeps a single entry larger than the bound, and replaces an entry without counting it twice', () => {
    const c = new BoundedCache<number>(10);
    c.set('x', 1, 3);
    c.set('big', 2, 50);
    expect(c.get('big')).toBe(2);
    expect(c.get('x')).toBeUndefined();
    c.set('big', 3, 5);
    expect(c.size).toBe(5);
    expect(c.get('big')).toBe(3);
  });
});
