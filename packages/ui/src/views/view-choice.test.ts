import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { availableKinds, defaultChoice, openingChoice, presetLayout, validChoice } from './view-choice';

const visit: ObjectDefinition = {
  id: 'visit',
  label: { en: 'Visit' },
  fields: [
    { id: 'subject', type: 'text', label: { en: 'Subject' } },
    { id: 'kind', type: 'select', label: { en: 'Kind' }, options: [{ value: 'call', label: { en: 'Call' } }] },
    { id: 'visited_at', type: 'datetime', label: { en: 'Visited at' } },
  ],
};
const note: ObjectDefinition = { id: 'note', label: { en: 'Note' }, fields: [{ id: 'text', type: 'text', label: { en: 'Text' } }] };

describe('view choice', () => {
  it('offers kanban and calendar only when the object has the fields for them', () => {
    expect(availableKinds(visit)).toEqual(['table', 'kanban', 'calendar']);
    expect(availableKinds(note)).toEqual(['table']);
    expect(defaultChoice(visit, 'calendar')).toEqual({ kind: 'calendar', field: 'visited_at' });
    expect(defaultChoice(note, 'kanban')).toEqual({ kind: 'table' });
  });

  it('trusts a remembered choice only while its field still fits', () => {
    expect(validChoice(visit, { kind: 'kanban', field: 'kind' })).toEqual({ kind: 'kanban', field: 'kind' });
    expect(validChoice(visit, { kind: 'kanban', field: 'visited_at' })).toEqual({ kind: 'table' });
    expect(validChoice(visit, { kind: 'calendar', field: 'gone' })).toEqual({ kind: 'table' });
    expect(validChoice(visit, 'garbage')).toEqual({ kind: 'table' });
  });

  it('opens a designer view in its layout, by its field, while the field still fits', () => {
    expect(presetLayout(visit, {})).toBeNull();
    expect(presetLayout(visit, { layout: 'table' })).toEqual({ kind: 'table' });
    expect(presetLayout(visit, { layout: 'kanban', groupField: 'kind' })).toEqual({ kind: 'kanban', field: 'kind' });
    expect(presetLayout(visit, { layout: 'calendar', dateField: 'visited_at' })).toEqual({ kind: 'calendar', field: 'visited_at' });
    expect(presetLayout(visit, { layout: 'kanban', groupField: 'subject' })).toEqual({ kind: 'table' });
  });

  it('opens with the layout the opening view was designed with, else the person’s own, else the table', () => {
    const board = { id: 'by_kind', label: { en: 'By kind' }, layout: 'kanban' as const, groupField: 'kind' };
    const plain = { id: 'all', label: { en: 'All' } };
    const own = { kind: 'calendar' as const, field: 'visited_at' };
    expect(openingChoice(visit, board, null)).toEqual({ kind: 'kanban', field: 'kind' });
    expect(openingChoice(visit, board, own)).toEqual({ kind: 'kanban', field: 'kind' });
    expect(openingChoice(visit, plain, own)).toEqual(own);
    expect(openingChoice(visit, null, null)).toEqual({ kind: 'table' });
    expect(openingChoice(visit, plain, null)).toEqual({ kind: 'table' });
  });
});
