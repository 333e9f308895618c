import { registerMessages } from '@tessera/i18n';
import type { FieldType } from '@tessera/schemas';

/** The name of each field type as admins see it in the palette and the property panel. */
export const FIELD_TYPE_MESSAGES = {
  'studio.type.text': { 'zh-CN': '单行文本', en: 'Text' },
  'studio.type.long_text': { 'zh-CN': '多行文本', en: 'Long text' },
  'studio.type.rich_text': { 'zh-CN': '富文本', en: 'Rich text' },
  'studio.type.number': { 'zh-CN': '数字', en: 'Number' },
  'studio.type.currency': { 'zh-CN': '金额', en: 'Currency' },
  'studio.type.percent': { 'zh-CN': '百分比', en: 'Percent' },
  'studio.type.date': { 'zh-CN': '日期', en: 'Date' },
  'studio.type.datetime': { 'zh-CN': '日期时间', en: 'Date and time' },
  'studio.type.select': { 'zh-CN': '单选', en: 'Select' },
  'studio.type.multi_select': { 'zh-CN': '多选', en: 'Multi-select' },
  'studio.type.checkbox': { 'zh-CN': '是/否', en: 'Checkbox' },
  'studio.type.user': { 'zh-CN': '人员', en: 'User' },
  'studio.type.department': { 'zh-CN': '部门', en: 'Department' },
  'studio.type.relation': { 'zh-CN': '关联', en: 'Relation' },
  'studio.type.child_table': { 'zh-CN': '子表', en: 'Child table' },
  'studio.type.attachment': { 'zh-CN': '附件', en: 'Attachment' },
  'studio.type.image': { 'zh-CN': '图片', en: 'Image' },
  'studio.type.phone': { 'zh-CN': '电话', en: 'Phone' },
  'studio.type.email': { 'zh-CN': '邮箱', en: 'Email' },
  'studio.type.url': { 'zh-CN': '网址', en: 'URL' },
  'studio.type.region': { 'zh-CN': '地区', en: 'Region' },
  'studio.type.auto_number': { 'zh-CN': '自动编号', en: 'Auto number' },
  'studio.type.formula': { 'zh-CN': '公式', en: 'Formula' },
  'studio.type.signature': { 'zh-CN': '手写签名', en: 'Signature' },
  'studio.type.related_list': { 'zh-CN': '相关列表', en: 'Related list' },
} as const satisfies Record<`studio.type.${FieldType}`, { 'zh-CN': string; en: string }>;

registerMessages(FIELD_TYPE_MESSAGES);
