/** Building blocks shared by every metadata schema. */

/** Ids become SQL identifiers and URL segments: lower snake case, short, no surprises. */
export const identifierSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]{0,39}$',
} as const;

/** Text an admin writes for people: one string per language, at least one language. */
export const localizedTextSchema = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', minLength: 1, maxLength: 200 },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
