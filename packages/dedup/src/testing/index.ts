export { type GeneratedCompany, type GeneratedDataset, generateCompanies } from './company-generator';
export { COMPANY_RULES, type DedupFigures, measureDedup } from './measure';
