import { Ajv2020 } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { APP_SCHEMA_AJV_OPTIONS } from './app-schema-options';

/** The CommonJS requires of ajv's runtime helpers that standalone code may contain. */
const RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g;

/**
 * ES module source standing in for app-schema-validator.ts in the browser: the same validator,
 * generated with ajv standalone so it runs without `eval` or `new Function`. Ajv's runtime
 * helpers (string length, deep equality) become imports the bundler resolves. The schema is a
 * parameter: the web build's config imports it by path (it cannot load workspace packages).
 */
export function appSchemaValidatorSource(appSchema: object): string {
  const ajv = new Ajv2020({ ...APP_SCHEMA_AJV_OPTIONS, code: { source: true, esm: true } });
  const helpers = new Set<string>();
  const code = standaloneCode(ajv, ajv.compile(appSchema)).replace(RUNTIME_REQUIRE, (_match, helper: string) => {
    helpers.add(helper);
    return `ajvRuntime_${helper}`;
  });
  if (code.includes('require(')) throw new Error('the app schema validator needs a CommonJS require that the browser build cannot resolve');
  // The helpers are CommonJS with `exports.default`: a default import yields the function or, with
  // Node's interop (an ES module package importing CommonJS), the exports object holding it.
  const imports = [...helpers].flatMap((helper) => [
    `import ajvRuntime_${helper}_module from 'ajv/dist/runtime/${helper}.js';`,
    `const ajvRuntime_${helper} = typeof ajvRuntime_${helper}_module === 'function' ? ajvRuntime_${helper}_module : ajvRuntime_${helper}_module.default;`,
  ]);
  return [...imports, code, 'export const validateApp = validate;'].join('\n');
}
