/**
 * The value an ajv error is about, looked up by its path in the data the validator ran on: errors
 * carry `data` only when compiled `verbose`, which the validators here are not (nor should the
 * browser's generated code grow by it). `path` is the error's `instancePath` split at `/`.
 */
export function errorValue(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), data);
}
