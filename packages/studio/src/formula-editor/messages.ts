import { registerMessages } from '@tessera/i18n';

/** The editor's own words; formula errors and type names come from `@tessera/expr`'s catalog. */
export const STUDIO_FORMULA_MESSAGES = {
  'studio.formula.preview': { 'zh-CN': '试算结果', en: 'Preview' },
  'studio.formula.previewEmpty': { 'zh-CN': '输入公式后在此显示结果', en: 'Type a formula to see its value here' },
  'studio.formula.noSample': { 'zh-CN': '没有示例记录，仅检查类型', en: 'No sample record: only the type is checked' },
  'studio.formula.blank': { 'zh-CN': '（空）', en: '(blank)' },
  'studio.formula.type': { 'zh-CN': '类型：{type}', en: 'Type: {type}' },
  'studio.formula.typeMismatch': { 'zh-CN': '此处需要{expected}，公式结果为{actual}', en: 'Expected {expected}, the formula gives {actual}' },
  'studio.formula.editorLabel': { 'zh-CN': '公式', en: 'Formula' },
} as const;

export type StudioFormulaMessage = keyof typeof STUDIO_FORMULA_MESSAGES;

registerMessages(STUDIO_FORMULA_MESSAGES);
