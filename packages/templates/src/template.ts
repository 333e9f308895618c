import type { AppDocument, LocalizedText } from '@tessera/schemas';

export const TEMPLATE_IDS = ['crm'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** One earlier state of a sample record: the values written at `at` (an ISO time in the past). */
export type SampleStep = { at: string; values: Record<string, unknown> };

/**
 * A sample record in its final state. `path`, when given, is how it got there: created with its
 * values overlaid by the first step's, then each later step written in turn (the last leaves it at
 * `values`), every history row dated at its step's time. `owner` picks the n-th sample owner of
 * the team (in turn) for a record that belongs to a person rather than to a customer.
 */
export type SampleRecord = { id: string; values: Record<string, unknown>; path?: SampleStep[]; owner?: number };

/** All records of one object; batches come in dependency order (customers before contacts…). */
export type SampleBatch = { object: string; records: SampleRecord[] };

export type SampleDataOptions = {
  seed: number;
  /** Multiplies the default record counts; 1 is about 200 customers. */
  scale?: number;
  /**
   * The day sample dates count back from, `YYYY-MM-DD`; defaults to today (UTC). The same seed
   * and reference date always give the same data.
   */
  referenceDate?: string;
  /** How many people own the samples (the team's `ownsSamples`); each gets monthly targets. Default 1. */
  owners?: number;
};

/**
 * The people of a demo: departments (with their heads) and users with their roles in the app;
 * the sample records are shared among those who `ownsSamples`, so each sees their own.
 */
export type SampleTeam = {
  /** Sign-ins are `<key>@<emailDomain>`. */
  emailDomain: string;
  departments: { key: string; name: string; parent?: string; head?: string }[];
  people: { key: string; name: string; department: string; roles: string[]; ownsSamples?: boolean }[];
};

/**
 * An approval under way in the demo, so a newcomer finds real ones on first start: a sample
 * record picked by `pick` among those `owner` owns, submitted by its owner, then the steps taken
 * by the people named.
 */
export type DemoApproval = {
  flow: string;
  object: string;
  owner: string;
  pick: (values: Record<string, unknown>) => boolean;
  steps: { by: string; action: 'approve' | 'reject' | 'return'; comment: string }[];
};

export type LoadedTemplate = {
  document: AppDocument;
  sampleData(options: SampleDataOptions): SampleBatch[];
  team?: SampleTeam;
  demoApprovals?: DemoApproval[];
};

export type TemplateSummary = { id: TemplateId; label: LocalizedText; description?: LocalizedText };
