/** `--name value` as a positive number, or the fallback when absent. */
export function numberArg(name: string, fallback: number): number {
  const argv = process.argv;
  const at = argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(argv[at + 1]?.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

export function flagArg(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
