import { registerMessages } from '@tessera/i18n';

/** Messages of metadata validation and publishing, in both languages, next to their codes. */
registerMessages({
  'schema.required': { 'zh-CN': '缺少必填属性“{missing}”', en: 'Required property "{missing}" is missing' },
  'schema.type': { 'zh-CN': '类型应为 {type}', en: 'Must be of type {type}' },
  'schema.enum': { 'zh-CN': '取值必须是以下之一：{allowed}', en: 'Must be one of: {allowed}' },
  'schema.pattern': {
    'zh-CN': '格式不正确（只能使用小写字母、数字和下划线，以字母开头，最长 40 个字符）',
    en: 'Invalid format (lower-case letters, digits and underscores, starting with a letter, at most 40 characters)',
  },
  'schema.additionalProperties': { 'zh-CN': '不认识的属性“{property}”', en: 'Unknown property "{property}"' },
  'schema.minLength': { 'zh-CN': '至少需要 {limit} 个字符', en: 'Must have at least {limit} characters' },
  'schema.maxLength': { 'zh-CN': '最多 {limit} 个字符', en: 'Must have at most {limit} characters' },
  'schema.minItems': { 'zh-CN': '至少需要 {limit} 项', en: 'Must have at least {limit} items' },
  'schema.maxItems': { 'zh-CN': '最多 {limit} 项', en: 'Must have at most {limit} items' },
  'schema.minProperties': { 'zh-CN': '至少填写一种语言', en: 'Must have at least one language' },
  'schema.minimum': { 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' },
  'schema.maximum': { 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' },
  'schema.invalid': { 'zh-CN': '不符合规则“{rule}”', en: 'Does not satisfy rule "{rule}"' },
  'meta.duplicate_id': { 'zh-CN': '标识“{id}”重复（已在 {first} 使用）', en: 'Id "{id}" is used twice (first at {first})' },
  'meta.reserved_name': { 'zh-CN': '“{id}”是系统保留名称，请换一个', en: '"{id}" is a reserved name; choose another' },
  'meta.unknown_object': { 'zh-CN': '对象“{id}”不存在', en: 'Object "{id}" does not exist' },
  'meta.unknown_field': { 'zh-CN': '对象“{object}”没有字段“{id}”', en: 'Object "{object}" has no field "{id}"' },
  'meta.unknown_node': { 'zh-CN': '布局节点“{id}”不存在', en: 'Layout node "{id}" does not exist' },
  'meta.child_target': {
    'zh-CN': '子表字段必须指向以“{object}”为父对象的子对象，而“{id}”不是',
    en: 'A child table must point at a child object whose parent is "{object}"; "{id}" is not',
  },
  'meta.relation_to_child': { 'zh-CN': '关联字段不能指向子对象“{id}”', en: 'A relation cannot point at the child object "{id}"' },
  'meta.child_of_child': { 'zh-CN': '子对象“{id}”不能再作为父对象', en: 'Child object "{id}" cannot itself be a parent' },
  'meta.display_field_type': { 'zh-CN': '显示字段“{id}”必须是文本类字段', en: 'Display field "{id}" must be a text-like field' },
  'meta.duplicate_option': { 'zh-CN': '选项值“{value}”重复', en: 'Option value "{value}" is used twice' },
  'meta.scale_over_precision': { 'zh-CN': '小数位数不能超过总位数', en: 'Scale cannot exceed precision' },
  'meta.min_over_max': { 'zh-CN': '最小值不能大于最大值', en: 'Minimum cannot exceed maximum' },
  'meta.unique_not_supported': { 'zh-CN': '“{type}”类型的字段不能设为唯一', en: 'Fields of type "{type}" cannot be unique' },
  'meta.formula_type': {
    'zh-CN': '公式字段“{field}”的结果是 {actual}，但字段类型是 {expected}',
    en: 'Formula field "{field}" gives {actual}, but the field stores {expected}',
  },
  'meta.formula_rollup': {
    'zh-CN': '公式字段“{field}”不能汇总“{relation}”：它指向单条记录；请汇总子表或关联列表',
    en: 'Formula field "{field}" cannot aggregate "{relation}": it points at one record; aggregate a child table or a related list',
  },
  'meta.encryption_unsupported': {
    'zh-CN': '“{type}”不能加密存储（可加密：文本、长文本、电话、邮箱；不能同时唯一或作为显示字段）',
    en: '"{type}" cannot be stored encrypted (text, long text, phone and email can; not unique, not the display field)',
  },
  'meta.encryption_key_missing': {
    'zh-CN': '应用含加密字段，但服务器未配置 TESSERA_ENCRYPTION_KEY',
    en: 'The app has encrypted fields but the server has no TESSERA_ENCRYPTION_KEY',
  },
  'meta.related_list_via': { 'zh-CN': '“{object}.{id}”必须是指向“{parent}”的关联字段', en: '"{object}.{id}" must be a relation field pointing at "{parent}"' },
  'meta.formula_rollup_chain': {
    'zh-CN': '公式字段“{field}”不能引用汇总关联记录的公式字段“{uses}”',
    en: 'Formula field "{field}" cannot use "{uses}", which aggregates related records',
  },
  'meta.invalid': { 'zh-CN': '应用定义有 {count} 处错误', en: 'The app definition has {count} error(s)' },
  'meta.app_not_found': { 'zh-CN': '应用“{id}”不存在', en: 'App "{id}" does not exist' },
  'meta.app_exists': { 'zh-CN': '应用“{id}”已存在', en: 'App "{id}" already exists' },
  'meta.app_id_mismatch': { 'zh-CN': '文档的 id 必须是“{id}”', en: 'The document id must be "{id}"' },
  'meta.version_not_found': { 'zh-CN': '版本 {version} 不存在', en: 'Version {version} does not exist' },
  'meta.not_published': { 'zh-CN': '应用“{id}”尚未发布', en: 'App "{id}" has not been published yet' },
  'meta.draft_conflict': {
    'zh-CN': '草稿已被他人修改（当前修订号 {current}，你基于 {yours}），请刷新后再保存',
    en: 'Someone else changed the draft (revision {current}; yours is based on {yours}); reload before saving',
  },
  'meta.nothing_to_publish': { 'zh-CN': '草稿与当前发布版本相同，无需发布', en: 'The draft is identical to the live version; nothing to publish' },
  'meta.unsafe_type_change': {
    'zh-CN': '字段“{object}.{field}”从 {from} 改为 {to} 时有 {rows} 行数据无法转换，已取消发布',
    en: 'Changing "{object}.{field}" from {from} to {to} would fail to convert {rows} row(s); publish cancelled',
  },
  'meta.type_change_unsupported': {
    'zh-CN': '字段“{object}.{field}”不能从 {from} 改为 {to}（会丢失数据）；请新建字段',
    en: 'Field "{object}.{field}" cannot change from {from} to {to} (data would be lost); add a new field instead',
  },
  'meta.relation_retarget': {
    'zh-CN': '字段“{object}.{field}”已有 {rows} 行指向“{from}”，不能改为指向“{to}”',
    en: 'Field "{object}.{field}" has {rows} row(s) pointing at "{from}"; it cannot point at "{to}" instead',
  },
  'meta.unique_violation': {
    'zh-CN': '字段“{object}.{field}”有 {rows} 个重复值，不能设为唯一',
    en: 'Field "{object}.{field}" has {rows} duplicated value(s); it cannot become unique',
  },
  'meta.purge_active': {
    'zh-CN': '“{target}”仍在使用中，只能清除已删除的字段或对象',
    en: '"{target}" is still in use; only removed fields or objects can be purged',
  },
  'meta.purge_unknown': { 'zh-CN': '没有可清除的“{target}”', en: 'Nothing named "{target}" to purge' },
});
