/** Rounds a figure for printing: two decimals, or none past 100. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** A plain-text table: the first row is the header, columns padded to their widest cell. */
export function formatTable(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(round(cell)) : cell)));
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0))) ?? [];
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const [header, ...body] = cells;
  return [line(header ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The machine-readable end of a benchmark's output: one `KEY: NUMBER` line per figure. */
export function printKeys(keys: Record<string, number>): void {
  for (const [key, value] of Object.entries(keys)) console.log(`${key}: ${round(value)}`);
}

/** Progress goes to stderr so that stdout stays the table and the keys. */
export function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
