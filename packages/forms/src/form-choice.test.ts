import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { chosenForm, defaultFormOf } from './form-choice';

const form = (id: string, object = 'customer') => ({ id, object, label: { en: id }, nodes: [] });

function app(patch: Partial<AppDocument> = {}, defaultForm?: string): AppDocument {
  return {
    id: 'crm',
    label: { en: 'CRM' },
    objects: [{ id: 'customer', label: { en: 'Customer' }, fields: [], ...(defaultForm ? { defaultForm } : {}) }],
    forms: [form('quote_form', 'quote'), form('full'), form('short'), form('manager')],
    roles: [
      { id: 'manager', label: { en: 'Manager' }, permissions: [{ object: 'customer', actions: ['read'], form: 'manager' }] },
      { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read'], form: 'short' }] },
      { id: 'viewer', label: { en: 'Viewer' }, permissions: [{ object: 'customer', actions: ['read'] }] },
    ],
    ...patch,
  };
}

describe('defaultFormOf', () => {
  it('is the form the object names, else its first form, else none', () => {
    expect(defaultFormOf(app(), 'customer')?.id).toBe('full');
    expect(defaultFormOf(app({}, 'short'), 'customer')?.id).toBe('short');
    // A name that is not a form of the object (publish refuses it) falls back to the first form.
    expect(defaultFormOf(app({}, 'quote_form'), 'customer')?.id).toBe('full');
    expect(defaultFormOf(app({ forms: [] }), 'customer')).toBeNull();
  });
});

describe('chosenForm', () => {
  it('opens the form of the first held role that names one, in the app’s role order', () => {
    expect(chosenForm(app(), 'customer', ['rep'])?.id).toBe('short');
    expect(chosenForm(app(), 'customer', ['rep', 'manager'])?.id).toBe('manager');
  });

  it('falls back to the default form for a role naming none, no role, or a form of another object', () => {
    expect(chosenForm(app({}, 'short'), 'customer', ['viewer'])?.id).toBe('short');
    expect(chosenForm(app(), 'customer', [])?.id).toBe('full');
    const wrong = app({ roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read'], form: 'quote_form' }] }] });
    expect(chosenForm(wrong, 'customer', ['rep'])?.id).toBe('full');
  });
});
