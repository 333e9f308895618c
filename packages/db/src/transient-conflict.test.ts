import { describe, expect, it } from 'vitest';
import { isTransientConflict } from './transient-conflict';

describe('isTransientConflict', () => {
  it('knows a deadlock and a serialization failure, also wrapped as a cause', () => {
    expect(isTransientConflict({ code: '40P01' })).toBe(true);
    expect(isTransientConflict({ code: '40001' })).toBe(true);
    expect(isTransientConflict(new Error('write failed', { cause: { code: '40P01' } }))).toBe(true);
  });

  it('leaves every other error alone: those are not the same request sent again', () => {
    for (const error of [{ code: '23505' }, { code: '40002' }, { code: '08006' }, new Error('x'), null, 'deadlock'])
      expect(isTransientConflict(error)).toBe(false);
  });
});
