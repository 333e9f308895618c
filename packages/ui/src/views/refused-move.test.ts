import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../api/problem';
import { completableRefusal, movePreset } from './refused-move';

const problem = (...fields: string[]): Problem => ({
  title: 'Invalid',
  status: 422,
  errors: fields.map((field) => ({ field, pointer: `/values/${field}`, code: 'form.required', message: `${field} is required` })),
});

describe('a refused kanban move', () => {
  it('is completed in the drawer when the form asks for another field', () => {
    const refusal = problem('lost_reason', 'closed_at');
    expect(completableRefusal(new ApiError(422, 'record.invalid', refusal), 'stage')).toBe(refusal);
    // The moved field may be named too (its option narrowed, say): the others still need the form.
    const both = problem('stage', 'lost_reason');
    expect(completableRefusal(new ApiError(422, 'record.invalid', both), 'stage')).toBe(both);
  });

  it('keeps the message and the roll-back when the form cannot help', () => {
    // Only the moved value is refused (a required stage dropped on "(empty)").
    expect(completableRefusal(new ApiError(422, 'record.invalid', problem('stage')), 'stage')).toBeNull();
    expect(completableRefusal(new ApiError(422, 'record.invalid', { title: 'Invalid', status: 422 }), 'stage')).toBeNull();
    expect(completableRefusal(new ApiError(422, 'record.invalid', null), 'stage')).toBeNull();
    for (const status of [403, 404, 409]) {
      expect(completableRefusal(new ApiError(status, 'x', problem('lost_reason')), 'stage'), String(status)).toBeNull();
    }
    expect(completableRefusal(new ApiError(0, 'network', null), 'stage')).toBeNull();
    expect(completableRefusal(new Error('boom'), 'stage')).toBeNull();
  });

  it('presets the moved value, with the refusal and the notice', () => {
    const refusal = problem('lost_reason');
    expect(movePreset('stage', 'lost', refusal, 'why')).toEqual({ values: { stage: 'lost' }, problem: refusal, notice: 'why' });
    expect(movePreset('stage', null, refusal, 'why').values).toEqual({ stage: null });
  });
});
