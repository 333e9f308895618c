import type { AppDocument, LocalizedText } from '@tessera/schemas';

export const TEMPLATE_IDS = ['crm'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type SampleRecord = { id: string; values: Record<string, unknown> };

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
};

export type LoadedTemplate = {
  document: AppDocument;
  sampleData(options: SampleDataOptions): SampleBatch[];
};

export type TemplateSummary = { id: TemplateId; label: LocalizedText; description?: LocalizedText };
