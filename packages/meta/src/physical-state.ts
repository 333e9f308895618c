import type { SqlType } from './column-types';

/** What exists in the database for one app: the planner's "before". */
export interface PhysicalColumn {
  fieldType: string;
  sqlType: SqlType;
  /** relation: the object its foreign key points at. */
  target: string | null;
  retired: boolean;
}

export interface PhysicalState {
  /** objectId → retired? */
  tables: Map<string, { retired: boolean }>;
  /** `${objectId}.${fieldId}` → column */
  columns: Map<string, PhysicalColumn>;
  /** objectId → names of the indexes Tessera manages on it */
  indexes: Map<string, Set<string>>;
}

export function emptyPhysicalState(): PhysicalState {
  return { tables: new Map(), columns: new Map(), indexes: new Map() };
}

export const columnKey = (objectId: string, fieldId: string): string => `${objectId}.${fieldId}`;
