import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { FieldState } from '../form-runtime/form-rules';
import { presetValues } from './drawer-preset';

const label = (en: string) => ({ en });
const deal: ObjectDefinition = {
  id: 'deal',
  label: label('Deal'),
  fields: [
    {
      id: 'stage',
      type: 'select',
      label: label('Stage'),
      options: [
        { value: 'open', label: label('Open') },
        { value: 'lost', label: label('Lost') },
      ],
    },
    { id: 'closed_on', type: 'date', label: label('Closed on') },
    { id: 'owner_note', type: 'text', label: label('Note') },
    { id: 'score', type: 'formula', label: label('Score'), formula: '1' },
  ],
};
const open: FieldState = { visible: true, required: false, readOnly: false, options: null };

describe('a drawer preset', () => {
  it('puts its wire values into the inputs’ form, on top of the loaded values', () => {
    const next = presetValues(deal, { stage: 'open', owner_note: 'kept' }, { stage: open, closed_on: open }, { stage: 'lost', closed_on: '2026-11-20' });
    expect(next.stage).toBe('lost');
    expect(next.owner_note).toBe('kept');
    expect((next.closed_on as { format: (f: string) => string }).format('YYYY-MM-DD')).toBe('2026-11-20');
    expect(presetValues(deal, { stage: 'open' }, { stage: open }, { stage: null }).stage).toBeUndefined();
  });

  it('leaves alone what the user could not change: locked fields, computed ones, unknown ones', () => {
    const values = { stage: 'open' };
    const next = presetValues(deal, values, { stage: { ...open, readOnly: true } }, { stage: 'lost', score: '9', nope: 'x' });
    expect(next).toEqual(values);
  });
});
