import { describe, expect, it } from 'vitest';
import { userLabel, userOptions } from './user-options';

describe('user options', () => {
  const wang = { id: 'u1', name: 'Wang Wei', email: 'wang@example.com', departmentId: null, active: true };
  const li = { id: 'u2', name: 'Li Na', email: 'li@example.com', departmentId: null, active: true };

  it('labels people with their email and keeps the selected one', () => {
    expect(userLabel(wang)).toBe('Wang Wei <wang@example.com>');
    expect(userOptions([li], wang).map((o) => o.value)).toEqual(['u1', 'u2']);
    expect(userOptions([li, wang], wang).map((o) => o.value)).toEqual(['u2', 'u1']);
  });
});
