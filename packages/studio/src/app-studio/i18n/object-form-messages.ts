import { registerMessages } from '@tessera/i18n';

/** The words of an object's several forms (switch, add, rename, delete, where each is used). */
export const OBJECT_FORM_MESSAGES = {
  'studio.forms.pick': { 'zh-CN': '正在设计的表单', en: 'Form being designed' },
  'studio.forms.add': { 'zh-CN': '新建表单', en: 'New form' },
  'studio.forms.addBlank': { 'zh-CN': '空白表单', en: 'Blank form' },
  'studio.forms.addCopy': { 'zh-CN': '复制当前表单', en: 'Copy of this form' },
  'studio.forms.rename': { 'zh-CN': '重命名', en: 'Rename' },
  'studio.forms.renameTitle': { 'zh-CN': '重命名表单', en: 'Rename the form' },
  'studio.forms.nameZh': { 'zh-CN': '名称（中文）', en: 'Name (Chinese)' },
  'studio.forms.nameEn': { 'zh-CN': '名称（英文）', en: 'Name (English)' },
  'studio.forms.nameRequired': { 'zh-CN': '表单名称至少填写一种语言', en: 'Give the form a name in at least one language' },
  'studio.forms.delete': { 'zh-CN': '删除表单', en: 'Delete form' },
  'studio.forms.deleteConfirm': { 'zh-CN': '删除这个表单及其布局和规则？', en: 'Delete this form with its layout and rules?' },
  'studio.forms.inUse': {
    'zh-CN': '以下 {count} 处仍在使用这个表单，先改为其他表单才能删除：',
    en: 'Used in {count} places; choose another form there before deleting it:',
  },
  'studio.forms.usage.default': { 'zh-CN': '对象的默认表单', en: "The object's default form" },
  'studio.forms.usage.role': { 'zh-CN': '角色“{role}”打开的表单', en: 'The form role "{role}" opens' },
  'studio.forms.isDefault': { 'zh-CN': '新建和编辑记录时默认使用', en: 'Default form for creating and editing records' },
  'studio.forms.roles': { 'zh-CN': '以下角色改用这个表单', en: 'Roles that open this form instead' },
  'studio.forms.rolesNone': { 'zh-CN': '没有角色', en: 'No role' },
  'studio.forms.rolesEmpty': { 'zh-CN': '还没有对这个对象有权限的角色', en: 'No role has a permission on this object yet' },
} as const;

export type ObjectFormMessage = keyof typeof OBJECT_FORM_MESSAGES;

registerMessages(OBJECT_FORM_MESSAGES);
