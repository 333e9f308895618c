import { describe, expect, it } from 'vitest';
import { mapObject, salesApp } from './test-fixtures';
import { validateDocument } from './validate-document';

function issuesOf(document: unknown) {
  const verdict = validateDocument(document);
  return verdict.ok ? [] : verdict.issues.map((i) => [i.pointer, i.code]);
}

describe('what counts as a record’s activity', () => {
  it('accepts its own dates and the dates of related records pointing at it', () => {
    const app = mapObject(salesApp(), 'customer', (o) => ({
      ...o,
      quality: { dormantAfterDays: 180, activity: [{ field: 'updated_at' }, { object: 'opportunity', via: 'customer', field: 'created_at' }] },
    }));
    expect(issuesOf(app)).toEqual([]);
  });

  it('names a source that is no date, or whose relation does not point at the object', () => {
    const app = mapObject(salesApp(), 'customer', (o) => ({
      ...o,
      quality: {
        dormantAfterDays: 30,
        activity: [{ field: 'name' }, { object: 'opportunity', via: 'title' }, { object: 'nowhere', via: 'customer' }],
      },
    }));
    expect(issuesOf(app)).toEqual(
      expect.arrayContaining([
        ['/objects/0/quality/activity/0', 'meta.quality_activity'],
        ['/objects/0/quality/activity/1', 'meta.quality_activity'],
        ['/objects/0/quality/activity/2', 'meta.quality_activity'],
      ]),
    );
    // `object` without `via` is the schema's to refuse.
    const half = mapObject(salesApp(), 'customer', (o) => ({ ...o, quality: { dormantAfterDays: 30, activity: [{ object: 'opportunity' }] } }));
    expect(issuesOf(half)).toEqual([['/objects/0/quality/activity/0', 'schema.invalid']]);
  });
});
