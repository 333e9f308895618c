import { describe, expect, it } from 'vitest';
import { documentForViewer } from './audience';

const document = {
  objects: [
    { id: 'customer', views: [{ id: 'all' }, { id: 'reps', roles: ['sales_rep'] }, { id: 'bosses', roles: ['manager'] }] },
    { id: 'note', views: [{ id: 'all', roles: [] }] },
  ],
};

describe('documentForViewer', () => {
  it('keeps the views shown to everyone or to one of the viewer’s roles', () => {
    const seen = documentForViewer(document, { roles: ['sales_rep'], isAdmin: false });
    expect(seen.objects.map((o) => o.views.map((v) => v.id))).toEqual([['all', 'reps'], ['all']]);
    // Objects with nothing to leave out are the same objects.
    expect(seen.objects[1]).toBe(document.objects[1]);
  });

  it('gives an administrator every view', () => {
    expect(documentForViewer(document, { roles: [], isAdmin: true })).toBe(document);
  });
});
