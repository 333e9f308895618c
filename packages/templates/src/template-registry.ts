import type { AppDocument } from '@tessera/schemas';
import crmApp from '../../../templates/crm/app.json' with { type: 'json' };
import crmTeam from '../../../templates/crm/team.json' with { type: 'json' };
import { CRM_DEMO_APPROVALS } from './crm-demo-approvals';
import { generateCrmSampleData } from './crm-sample-data';
import type { DemoApproval, LoadedTemplate, SampleTeam, TemplateId, TemplateSummary } from './template';
import { TEMPLATE_IDS } from './template';

/**
 * JSON imports are typed by inference (plain strings, not the schema's unions), so the document
 * is asserted here once; crm-document.test.ts validates it against the app schema with ajv.
 */
const documents: Record<TemplateId, AppDocument> = {
  crm: crmApp as unknown as AppDocument,
};

const sampleGenerators: Record<TemplateId, LoadedTemplate['sampleData']> = {
  crm: generateCrmSampleData,
};

const teams: Record<TemplateId, SampleTeam> = { crm: crmTeam };
const demoApprovals: Record<TemplateId, DemoApproval[]> = { crm: CRM_DEMO_APPROVALS };

const isTemplateId = (id: string): id is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(id);

export function listTemplates(): TemplateSummary[] {
  return TEMPLATE_IDS.map((id) => {
    const { label, description } = documents[id];
    return { id, label, ...(description ? { description } : {}) };
  });
}

/** The template's app document (a fresh copy the caller may change) and its sample data; null for an unknown id. */
export function loadTemplate(id: string): LoadedTemplate | null {
  if (!isTemplateId(id)) return null;
  return { document: structuredClone(documents[id]), sampleData: sampleGenerators[id], team: structuredClone(teams[id]), demoApprovals: demoApprovals[id] };
}
