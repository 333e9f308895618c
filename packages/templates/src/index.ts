export { listTemplates, loadTemplate } from './template-registry';
export { TEMPLATE_IDS } from './template';
export type { LoadedTemplate, SampleBatch, SampleDataOptions, SampleRecord, TemplateId, TemplateSummary } from './template';
export { CRM_SAMPLE_COUNTS } from './crm-sample-data';
