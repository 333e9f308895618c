import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';
import type { RecordValues } from './record-validator';
import { resolveFiles } from './attached-files';
import { directoryReferenceIssues } from './directory-references';

/**
 * What a write points at outside its own row — uploads, and the directory's users and departments —
 * is checked in one go, and every problem comes back in one `record.invalid`: a form with a missing
 * upload and a manager who has left shows both, not one per attempt. The two checks read different
 * tables and neither needs the other's result (file values do not name users), so they run side by
 * side. Returns the values with files described by their uploads.
 */
export async function checkReferences(ctx: RecordContext, object: ObjectDefinition, values: RecordValues, current: RecordValues | null): Promise<RecordValues> {
  const [files, directory] = await Promise.all([resolveFiles(ctx, object, values), directoryReferenceIssues(ctx, object, values, current)]);
  const issues = [...files.issues, ...directory];
  if (issues.length) throw new RecordError('record.invalid', issues, { count: issues.length });
  return files.values;
}
