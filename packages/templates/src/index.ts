export { CRM_SAMPLE_COUNTS } from './crm-sample-data';
export type { LoadedTemplate, SampleBatch, SampleDataOptions, SampleRecord, TemplateId, TemplateSummary } from './template';
export { TEMPLATE_IDS } from './template';
export { listTemplates, loadTemplate } from './template-registry';
