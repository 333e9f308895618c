import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { engineOfForm, plainEngine } from './form-rules';
import { createFormStore } from './form-store';

const visit: ObjectDefinition = {
  id: 'visit',
  label: { en: 'Visit' },
  fields: [
    { id: 'subject', type: 'text', label: { en: 'Subject' } },
    { id: 'score', type: 'number', label: { en: 'Score' }, default: '3' },
    { id: 'team', type: 'department', label: { en: 'Team' }, default: 'CURRENTDEPARTMENT()' },
  ],
};
const document: AppDocument = {
  id: 'a',
  label: { en: 'A' },
  objects: [visit],
  forms: [{ id: 'quick', object: 'visit', label: { en: 'Quick' }, nodes: [{ id: 'n1', kind: 'field', field: 'score' }] }],
};
const context = () => ({ now: new Date(), timeZone: 'Asia/Shanghai', currentUser: 'u1', currentDepartment: 'd1' });

describe('a new record shows the fields’ own defaults', () => {
  it('in the generated form, on create only', () => {
    const engine = plainEngine(visit, { document, context });
    expect(createFormStore(engine, {}, 'create').getState().values).toMatchObject({ score: '3', team: 'd1' });
    expect(createFormStore(engine, { subject: 'x' }, 'update').getState().values).not.toHaveProperty('score');
  });

  it('in a designed form that places the field without a default of its own', () => {
    const engine = engineOfForm(document, visit, document.forms![0]!, context);
    expect(createFormStore(engine, {}, 'create').getState().values).toMatchObject({ score: '3' });
  });
});
