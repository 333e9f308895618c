import { registerMessages } from '@tessera/i18n';

/** Submission issues use `{label}` (the field's label in the reader's language); checkForm issues use ids. */
export const FORM_MESSAGES: Record<string, { 'zh-CN': string; en: string }> = {
  'form.field_not_writable': { 'zh-CN': '“{label}”在此表单中不可填写', en: '"{label}" cannot be written through this form' },
  'form.required': { 'zh-CN': '“{label}”为必填项', en: '"{label}" is required' },
  'form.option': { 'zh-CN': '“{label}”的取值“{value}”当前不可选', en: '"{value}" is not an option of "{label}" here' },
  'form.format': { 'zh-CN': '“{label}”格式不正确（应为{format}）', en: '"{label}" is not a valid {format}' },
  'form.type': { 'zh-CN': '“{label}”的值类型不正确', en: '"{label}" has a value of the wrong type' },
  'form.region_level': {
    'zh-CN': '“{label}”只能填到{level}，{value} 是{actual}行政区划代码',
    en: '"{label}" goes down to {level} level only; {value} is a {actual} code',
  },
  'form.max_length': { 'zh-CN': '“{label}”超出长度上限 {limit}', en: '"{label}" is longer than {limit}' },
  'form.invalid': { 'zh-CN': '“{label}”不符合规则“{rule}”', en: '"{label}" does not satisfy rule "{rule}"' },
  'form.unknown_field': { 'zh-CN': '对象没有字段 {id}', en: 'The object has no field {id}' },
  'form.field_not_on_form': { 'zh-CN': '字段 {id} 不在此表单上', en: 'Field {id} is not on this form' },
  'form.duplicate_field': { 'zh-CN': '字段 {id} 在表单上出现了多次', en: 'Field {id} is placed on the form more than once' },
  'form.duplicate_rule': { 'zh-CN': '规则 ID {id} 重复', en: 'Rule id {id} is used more than once' },
  'form.format_replaces_field': {
    'zh-CN': '字段 {field} 已要求格式“{format}”，表单只能增加规则，不能改为“{replacement}”',
    en: 'Field {field} already requires a {format}; a form may add rules, not replace it with {replacement}',
  },
  'form.required_weakened': {
    'zh-CN': '字段 {field} 在对象上是必填的，表单规则不能把它改为选填',
    en: 'Field {field} is required on the object; a form rule cannot make it optional',
  },
  'form.format_field': { 'zh-CN': '只有文本字段可以设置格式（{field} 是{type}）', en: 'Only text fields take a format ({field} is {type})' },
  'form.value_field': { 'zh-CN': '不能用公式为{type}类型的字段 {field} 赋值', en: 'A formula cannot set field {field} of type {type}' },
  'field.default_field': { 'zh-CN': '{type}类型的字段 {field} 不能设置默认值', en: 'Field {field} of type {type} cannot have a default value' },
  'field.default_reads_fields': {
    'zh-CN': '字段 {field} 的默认值不能引用其他字段（新记录还没有值）；可改用表单规则',
    en: 'The default of field {field} cannot read other fields (a new record has none yet); use a form rule instead',
  },
  'field.default_option': { 'zh-CN': '字段 {field} 的默认值“{value}”不是它的选项', en: 'The default "{value}" of field {field} is not one of its options' },
  'field.default_format': {
    'zh-CN': '字段 {field} 的默认值“{value}”不符合字段的格式',
    en: 'The default "{value}" of field {field} does not meet the field\'s format',
  },
  'field.default_length': { 'zh-CN': '字段 {field} 的默认值超出长度上限 {limit}', en: 'The default of field {field} is longer than {limit} characters' },
  'field.default_minimum': {
    'zh-CN': '字段 {field} 的默认值 {value} 小于最小值 {limit}',
    en: 'The default {value} of field {field} is below the minimum {limit}',
  },
  'field.default_maximum': {
    'zh-CN': '字段 {field} 的默认值 {value} 大于最大值 {limit}',
    en: 'The default {value} of field {field} is above the maximum {limit}',
  },
  'form.value_type': { 'zh-CN': '公式结果类型 {actual} 与字段类型 {expected} 不符', en: 'The formula gives {actual}, but the field is {expected}' },
  'form.formula_type': { 'zh-CN': '条件应为是/否，实际为 {actual}', en: 'The condition must be yes/no, not {actual}' },
  'form.options_field': { 'zh-CN': '只有单选、多选字段可以限定选项（{field} 是{type}）', en: 'Only select fields take options ({field} is {type})' },
  'form.unknown_option': { 'zh-CN': '“{value}”不是字段 {field} 的选项', en: '"{value}" is not an option of field {field}' },
  'form.format.cn-mobile': { 'zh-CN': '手机号码', en: 'mobile number' },
  'form.format.cn-landline': { 'zh-CN': '固定电话号码', en: 'landline number' },
  'form.format.cn-phone': { 'zh-CN': '手机或固定电话号码', en: 'phone number' },
  'form.format.email': { 'zh-CN': '电子邮箱', en: 'email address' },
  'form.format.url': { 'zh-CN': '网址', en: 'URL' },
  'form.format.cn-uscc': { 'zh-CN': '统一社会信用代码', en: 'unified social credit code' },
  'form.format.cn-resident-id': { 'zh-CN': '居民身份证号码', en: 'resident ID number' },
  'form.format.date': { 'zh-CN': '日期 YYYY-MM-DD', en: 'date (YYYY-MM-DD)' },
  'form.format.date-time': { 'zh-CN': '带时区的日期时间', en: 'date-time with time zone' },
  'form.format.uuid': { 'zh-CN': '记录 ID', en: 'record id' },
  'form.format.decimal': { 'zh-CN': '数字', en: 'number' },
  'form.format.region': { 'zh-CN': '6 位行政区划代码', en: '6-digit region code' },
  'form.format.region-province': { 'zh-CN': '省级 6 位行政区划代码', en: '6-digit code of a province' },
  'form.format.region-city': { 'zh-CN': '省级或市级 6 位行政区划代码', en: '6-digit code of a province or city' },
  'form.region_level.province': { 'zh-CN': '省级', en: 'province' },
  'form.region_level.city': { 'zh-CN': '市级', en: 'city' },
  'form.region_level.district': { 'zh-CN': '区县级', en: 'district' },
};

registerMessages(FORM_MESSAGES);
