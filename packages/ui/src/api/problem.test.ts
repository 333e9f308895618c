import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, fieldFromPointer, parseProblem } from './problem';

const invalid = {
  type: 'https://tessera.dev/problems/record.invalid',
  title: 'Invalid record',
  status: 422,
  code: 'record.invalid',
  detail: '2 fields are invalid',
  errors: [
    { pointer: '/values/phone', field: 'phone', code: 'field.format', message: 'Not a mobile number' },
    { pointer: '/values/email', code: 'field.format', message: 'Not an email address' },
    { pointer: '/values/phone', field: 'phone', code: 'field.max_length', message: 'Too long' },
    { pointer: '', code: 'record.rule', message: 'Amount must exceed the deposit' },
    { code: 'broken' },
  ],
};

describe('problem+json → field errors', () => {
  it('parses a problem and skips malformed entries', () => {
    const problem = parseProblem(invalid, 422);
    expect(problem?.code).toBe('record.invalid');
    expect(problem?.errors).toHaveLength(4);
  });

  it('groups messages by field, reading the pointer when field is absent', () => {
    const map = fieldErrorsOf(parseProblem(invalid, 422));
    expect(map.byField).toEqual({ phone: ['Not a mobile number', 'Too long'], email: ['Not an email address'] });
    expect(map.general).toEqual(['Amount must exceed the deposit']);
  });

  it('sends messages for fields the form does not show to general', () => {
    const map = fieldErrorsOf(parseProblem(invalid, 422), new Set(['phone']));
    expect(Object.keys(map.byField)).toEqual(['phone']);
    expect(map.general).toContain('Not an email address');
  });

  it('undoes JSON pointer escapes', () => {
    expect(fieldFromPointer('/values/a~1b~0c')).toBe('a/b~c');
    expect(fieldFromPointer('/document/objects/0')).toBeNull();
    expect(fieldFromPointer(undefined)).toBeNull();
  });

  it('rejects bodies that are not problems', () => {
    expect(parseProblem('Bad gateway', 502)).toBeNull();
    expect(parseProblem({ message: 'x' }, 500)).toBeNull();
    expect(parseProblem({ title: 'Gone' }, 410)?.status).toBe(410);
  });

  it('ApiError carries the problem and uses its detail as message', () => {
    const error = new ApiError(422, 'record.invalid', parseProblem(invalid, 422));
    expect(error.message).toBe('2 fields are invalid');
    expect(error.isNetworkError).toBe(false);
    expect(new ApiError(0, 'network', null).isNetworkError).toBe(true);
  });
});
