export { CRM_SAMPLE_COUNTS } from './crm-sample-data';
export type {
  DemoApproval,
  LoadedTemplate,
  SampleBatch,
  SampleDataOptions,
  SampleRecord,
  SampleStep,
  SampleTeam,
  TemplateId,
  TemplateSummary,
} from './template';
export { TEMPLATE_IDS } from './template';
export { listTemplates, loadTemplate } from './template-registry';
