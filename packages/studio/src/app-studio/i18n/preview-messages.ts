import { registerMessages } from '@tessera/i18n';

/** The words of the live preview's sample record and of the rules' explanation for it. */
export const PREVIEW_MESSAGES = {
  'studio.preview.record': { 'zh-CN': '用已有记录填充', en: 'Fill from an existing record' },
  'studio.preview.recordHint': { 'zh-CN': '预览只读取记录，不会保存任何修改', en: 'The preview only reads the record; nothing is saved' },
  'studio.preview.recordFailed': { 'zh-CN': '无法读取这条记录', en: 'Could not read this record' },
  'studio.why.title': { 'zh-CN': '为什么字段被隐藏、只读或必填', en: 'Why fields are hidden, read-only or required' },
  'studio.why.forNew': { 'zh-CN': '新记录', en: 'For a new record' },
  'studio.why.forRecord': { 'zh-CN': '记录“{record}”', en: 'For record "{record}"' },
  'studio.why.none': { 'zh-CN': '没有规则隐藏、锁定或要求任何字段', en: 'No rule hides, locks or requires a field' },
  'studio.why.hidden': { 'zh-CN': '“{field}”被隐藏：规则“{rule}”成立（{when}）', en: '"{field}" is hidden: rule "{rule}" holds ({when})' },
  'studio.why.readOnly': { 'zh-CN': '“{field}”只读：规则“{rule}”成立（{when}）', en: '"{field}" is read-only: rule "{rule}" holds ({when})' },
  'studio.why.required': { 'zh-CN': '“{field}”必填：规则“{rule}”成立（{when}）', en: '"{field}" is required: rule "{rule}" holds ({when})' },
  'studio.why.broken': { 'zh-CN': '表单有错误，修正后才能解释规则', en: 'The form has errors; fix them to see the rules explained' },
} as const;

export type PreviewMessage = keyof typeof PREVIEW_MESSAGES;

registerMessages(PREVIEW_MESSAGES);
