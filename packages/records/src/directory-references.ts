import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import type { FieldIssue } from './record-error';
import type { RecordValues } from './record-validator';

/** A row of a write: its values, and the record as stored (null for a create). */
export interface DirectoryCheck {
  values: RecordValues;
  current: RecordValues | null;
}

/**
 * User and department fields point into the directory, which lives outside the app's tables, so
 * no foreign key guards them: a written value must name an existing department, or a user who
 * can still be assigned work (active). A value the record already holds is left alone, so
 * editing a record whose owner has since left the company does not fail on that owner.
 * Returns the problems found for each row, in one query per table for the whole batch (reported
 * with the write's other reference problems, see record-references.ts).
 */
export async function directoryReferenceIssues(ctx: RecordContext, object: ObjectDefinition, rows: readonly DirectoryCheck[]): Promise<FieldIssue[][]> {
  const fields = object.fields.filter((f) => f.type === 'user' || f.type === 'department');
  const writtenOf = ({ values, current }: DirectoryCheck) => fields.filter((f) => typeof values[f.id] === 'string' && values[f.id] !== current?.[f.id]);
  const written = rows.map(writtenOf);
  const idsOf = (type: 'user' | 'department') => [
    ...new Set(rows.flatMap((row, i) => written[i]!.filter((f) => f.type === type).map((f) => row.values[f.id] as string))),
  ];
  const userIds = idsOf('user');
  const departmentIds = idsOf('department');
  if (userIds.length === 0 && departmentIds.length === 0) return rows.map(() => []);
  // The validator already checked these are uuids, so they are safe to hand to PostgreSQL.
  const [users, departments] = await Promise.all([
    userIds.length ? ctx.db.selectFrom('users').select('id').where('id', 'in', userIds).where('active', '=', true).execute() : [],
    departmentIds.length ? ctx.db.selectFrom('departments').select('id').where('id', 'in', departmentIds).execute() : [],
  ]);
  const known = new Set([...users, ...departments].map((r) => r.id));
  return rows.map((row, i) =>
    written[i]!.filter((f) => !known.has(row.values[f.id] as string)).map((f) => ({
      field: f.id,
      pointer: `/values/${f.id}`,
      code: f.type === 'user' ? 'field.user_missing' : 'field.department_missing',
      params: { field: f.id },
      label: f.label,
    })),
  );
}
