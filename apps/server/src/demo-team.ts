import type { SystemTables } from '@tessera/db';
import { createDepartment, createUser, newPassword, setRoles } from '@tessera/identity';
import type { SampleTeam } from '@tessera/templates';
import type { Kysely } from 'kysely';

/** A person of the demo, with the password they sign in with (shown once, on first start). */
export interface DemoPerson {
  key: string;
  id: string;
  name: string;
  email: string;
  password: string;
  departmentId: string;
  roles: string[];
  ownsSamples: boolean;
}

/**
 * Creates a template's team in the install's transaction: its people (each with a password of
 * their own), its departments with their heads, everyone in their department, their roles in the
 * app. Nothing of it is left behind if the install fails.
 */
export async function createTeam(tx: Kysely<SystemTables>, appId: string, team: SampleTeam): Promise<Map<string, DemoPerson>> {
  const ids = new Map<string, string>();
  const passwords = new Map<string, string>();
  for (const person of team.people) {
    const password = newPassword();
    passwords.set(person.key, password);
    ids.set(person.key, await createUser(tx, { email: `${person.key}@${team.emailDomain}`, name: person.name, password }));
  }
  const departments = new Map<string, string>();
  for (const department of team.departments) {
    const id = await createDepartment(tx, {
      name: department.name,
      parentId: department.parent ? departments.get(department.parent) : null,
      headUserId: department.head ? ids.get(department.head) : null,
    });
    departments.set(department.key, id);
  }
  const people = new Map<string, DemoPerson>();
  for (const person of team.people) {
    const id = ids.get(person.key)!;
    const departmentId = departments.get(person.department);
    if (!departmentId) throw new Error(`the team's ${person.key} is in an unknown department ${person.department}`);
    await tx.updateTable('users').set({ department_id: departmentId }).where('id', '=', id).execute();
    await setRoles(tx, id, appId, person.roles);
    people.set(person.key, {
      key: person.key,
      id,
      name: person.name,
      email: `${person.key}@${team.emailDomain}`,
      password: passwords.get(person.key)!,
      departmentId,
      roles: person.roles,
      ownsSamples: person.ownsSamples === true,
    });
  }
  return people;
}
