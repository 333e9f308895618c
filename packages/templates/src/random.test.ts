import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRandom', () => {
  it('repeats itself for the same seed and stream', () => {
    const draw = (seed: number, stream: string) => {
      const random = createRandom(seed, stream);
      return [random.next(), random.int(1, 6), random.uuid(), random.pick(['a', 'b', 'c'])];
    };
    expect(draw(1, 'x')).toEqual(draw(1, 'x'));
    expect(draw(1, 'x')).not.toEqual(draw(2, 'x'));
    expect(draw(1, 'x')).not.toEqual(draw(1, 'y'));
  });

  it('stays within its ranges', () => {
    const random = createRandom(3, 'ranges');
    for (let i = 0; i < 2_000; i += 1) {
      const f = random.next();
      const n = random.int(-2, 2);
      expect(f >= 0 && f < 1).toBe(true);
      expect(Number.isInteger(n) && n >= -2 && n <= 2).toBe(true);
    }
  });

  it('gives version 4 UUIDs without repeats', () => {
    const random = createRandom(4, 'ids');
    const ids = Array.from({ length: 5_000 }, () => random.uuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('picks by weight roughly in proportion', () => {
    const random = createRandom(5, 'weights');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i += 1)
      counts[
        random.weighted<keyof typeof counts>([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ])
      ] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(6, 'empty').pick([])).toThrow(/empty/);
  });
});
