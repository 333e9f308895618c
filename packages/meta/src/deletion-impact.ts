import type { LocalizedText } from '@tessera/schemas';

/** What deleting an app takes with it: the server computes it, the studio's confirmation lists it. */
export interface DeletionImpact {
  id: string;
  label: LocalizedText;
  /** Record tables (retired ones too) and their rows not deleted. */
  objects: { id: string; label: LocalizedText; records: number }[];
  /** Flows and their running instances, which are cancelled. */
  flows: { id: string; label: LocalizedText; running: number }[];
  dashboards: { id: string; label: LocalizedText }[];
  files: { count: number; bytes: number };
  /** Published versions, removed with the draft. */
  versions: number;
}
