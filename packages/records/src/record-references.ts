import type { ObjectDefinition } from '@tessera/schemas';
import { resolveFiles } from './attached-files';
import { directoryReferenceIssues } from './directory-references';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import type { RecordValues } from './record-validator';

/**
 * What a write points at outside its own row — uploads, and the directory's users and departments —
 * is checked in one go, and every problem comes back in one `record.invalid`: a form with a missing
 * upload and a manager who has left shows both, not one per attempt. The two checks read different
 * tables and neither needs the other's result (file values do not name users), so they run side by
 * side. Returns the values with files described by their uploads.
 */
export interface ReferenceCheck {
  values: RecordValues;
  /** The record as stored (an edit), or null (a create). */
  current: RecordValues | null;
}

/** The check for a batch of rows: each row's values (files described by their uploads) and its problems. */
export async function checkReferencesMany(
  ctx: RecordContext,
  object: ObjectDefinition,
  rows: readonly ReferenceCheck[],
): Promise<{ values: RecordValues; issues: FieldIssue[] }[]> {
  const [files, directory] = await Promise.all([
    resolveFiles(
      ctx,
      object,
      rows.map((r) => r.values),
    ),
    directoryReferenceIssues(ctx, object, rows),
  ]);
  return files.map((file, i) => ({ values: file.values, issues: [...file.issues, ...directory[i]!] }));
}

/** The check for one write: its values, or a `record.invalid` with every problem found. */
export async function checkReferences(ctx: RecordContext, object: ObjectDefinition, values: RecordValues, current: RecordValues | null): Promise<RecordValues> {
  const [checked] = await checkReferencesMany(ctx, object, [{ values, current }]);
  if (checked!.issues.length) throw new RecordError('record.invalid', checked!.issues, { count: checked!.issues.length });
  return checked!.values;
}
