import { type AppDocument, appSchema } from '@tessera/schemas';
import { Ajv2020 } from 'ajv/dist/2020';
import { APP_SCHEMA_AJV_OPTIONS } from './app-schema-options';

/**
 * The app document's structural validator, compiled at run time (server, tests). The web build
 * replaces this module with the same validator generated ahead of time (app-schema-source.ts),
 * because compiling in the browser needs `new Function`, which the Content-Security-Policy
 * forbids (ADR 0087).
 */
export const validateApp = new Ajv2020(APP_SCHEMA_AJV_OPTIONS).compile<AppDocument>(appSchema);
