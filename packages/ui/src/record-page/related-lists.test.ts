import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { relatedLists } from './related-lists';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'visits', type: 'related_list', target: 'visit', via: 'customer', label: { en: 'Visits' } },
    { id: 'orphans', type: 'related_list', target: 'gone', via: 'customer', label: { en: 'Gone' } },
    { id: 'wrong', type: 'related_list', target: 'visit', via: 'subject', label: { en: 'Wrong' } },
  ],
};

const visit: ObjectDefinition = {
  id: 'visit',
  label: { en: 'Visit' },
  displayField: 'subject',
  fields: [
    { id: 'subject', type: 'text', label: { en: 'Subject' } },
    { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer' } },
    { id: 'summary', type: 'long_text', label: { en: 'Summary' } },
    { id: 'minutes', type: 'number', label: { en: 'Minutes' } },
    { id: 'visited_at', type: 'datetime', label: { en: 'When' } },
    { id: 'kind', type: 'text', label: { en: 'Kind' } },
    { id: 'next_step', type: 'text', label: { en: 'Next step' } },
  ],
};

describe('related lists of a record page', () => {
  it('keeps lists whose target points back here, with the title and three other columns', () => {
    const lists = relatedLists(customer, [customer, visit]);
    expect(lists.map((l) => l.field.id)).toEqual(['visits']);
    expect(lists[0]?.title?.id).toBe('subject');
    expect(lists[0]?.columns.map((f) => f.id)).toEqual(['minutes', 'visited_at', 'kind']);
  });
});
