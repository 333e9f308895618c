import { uuid } from '../route-schemas';

/** Schemas the flow routes share: a text in both languages, a person by id and name. */
export const localized = { type: 'object', additionalProperties: { type: 'string' } } as const;
export const person = {
  anyOf: [{ type: 'object', properties: { id: uuid, name: { type: 'string' } }, additionalProperties: false }, { type: 'null' }],
} as const;
