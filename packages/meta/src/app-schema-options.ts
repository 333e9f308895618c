/** Ajv's options for the app document: the same compiled at run time (app-schema-validator.ts) and ahead of time (app-schema-source.ts). */
export const APP_SCHEMA_AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;
