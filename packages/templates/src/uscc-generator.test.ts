import { isUscc } from '@tessera/formats';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { generateUscc } from './uscc-generator';

describe('generateUscc', () => {
  it('makes codes the formats package accepts, in the given region', () => {
    const random = createRandom(11, 'uscc');
    for (let i = 0; i < 2_000; i += 1) {
      const code = generateUscc(random, '330106');
      expect(isUscc(code), code).toBe(true);
      expect(code.slice(0, 8)).toBe('91330106');
    }
  });
});
