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
  'meta.flow_formula_type': { 'zh-CN': '公式结果为 {actual}，此处需要 {expected}', en: 'The formula gives {actual}; {expected} is needed here' },
  'meta.flow_field_not_writable': { 'zh-CN': '流程不能写入对象“{object}”的字段“{id}”', en: 'A flow cannot write field "{id}" of object "{object}"' },
  'meta.flow_rule_incomplete': { 'zh-CN': '“{kind}”还缺少必要的设置', en: '"{kind}" is missing a required setting' },
  'meta.flow_unknown_role': { 'zh-CN': '应用中没有角色“{id}”', en: 'The app has no role "{id}"' },
  'meta.flow_user_field': { 'zh-CN': '“{id}”不是人员字段', en: '"{id}" is not a user field' },
  'meta.flow_no_approvers': { 'zh-CN': '这个节点还没有设置审批人', en: 'This node has no approvers yet' },
  'meta.flow_branch_parent': { 'zh-CN': '分支“{id}”必须属于条件或并行节点', en: 'Branch "{id}" must belong to a condition or a parallel node' },
  'meta.flow_node_parent': { 'zh-CN': '节点“{id}”只能放在主线或分支里', en: 'Node "{id}" can only sit on the main line or in a branch' },
  'meta.flow_no_branches': { 'zh-CN': '节点“{id}”至少需要一个分支', en: 'Node "{id}" needs at least one branch' },
  'meta.flow_unknown_node': { 'zh-CN': '流程节点“{id}”不存在', en: 'Flow node "{id}" does not exist' },
  'meta.flow_unreachable': { 'zh-CN': '节点“{id}”在结束节点之后，永远不会执行', en: 'Node "{id}" comes after an end node and can never run' },
  'meta.flow_branch_shadowed': {
    'zh-CN': '分支“{id}”排在无条件分支“{otherwise}”之后，永远不会执行（条件分支按顺序走第一个成立的分支）',
    en: 'Branch "{id}" comes after "{otherwise}", which has no condition, so it can never run (a condition takes the first branch that holds)',
  },
  'meta.flow_cron': {
    'zh-CN': '“{cron}”不是有效的 cron 表达式（分 时 日 月 周）',
    en: '"{cron}" is not a valid cron expression (minute hour day month weekday)',
  },
  'meta.flow_date_field': { 'zh-CN': '“{id}”不是日期字段', en: '"{id}" is not a date field' },
  'meta.flow_status_field': {
    'zh-CN': '审批状态字段“{id}”必须是本对象的单选或文本字段',
    en: 'The approval status field "{id}" must be a select or text field of this object',
  },
  'meta.flow_status_value': {
    'zh-CN': '审批状态“{state}”要写入的值“{value}”不是字段“{id}”的选项',
    en: 'The value "{value}" written for the approval state "{state}" is not an option of field "{id}"',
  },
  'meta.nav_one_target': {
    'zh-CN': '菜单项“{id}”只能指向一个地方：对象、仪表板或审批中心之一',
    en: 'Menu entry "{id}" may lead to one place only: an object, a dashboard or the approval inbox',
  },
  'meta.nav_view_without_object': { 'zh-CN': '菜单项“{id}”的列表视图需要先选择对象', en: 'Menu entry "{id}" names a list view but no object' },
  'meta.nav_unknown_view': { 'zh-CN': '对象“{object}”没有列表视图“{id}”', en: 'Object "{object}" has no list view "{id}"' },
  'meta.nav_unknown_role': { 'zh-CN': '菜单项“{entry}”的可见角色“{id}”不存在', en: 'Menu entry "{entry}" is shown to role "{id}", which does not exist' },
  'meta.unknown_node': { 'zh-CN': '布局节点“{id}”不存在', en: 'Layout node "{id}" does not exist' },
  'meta.child_target': {
    'zh-CN': '子表字段必须指向以“{object}”为父对象的子对象，而“{id}”不是',
    en: 'A child table must point at a child object whose parent is "{object}"; "{id}" is not',
  },
  'meta.relation_to_child': { 'zh-CN': '关联字段不能指向子对象“{id}”', en: 'A relation cannot point at the child object "{id}"' },
  'meta.child_of_child': { 'zh-CN': '子对象“{id}”不能再作为父对象', en: 'Child object "{id}" cannot itself be a parent' },
  'meta.match_field_type': {
    'zh-CN': '查重规则不能比较字段“{id}”（{type}）；可用的类型：{allowed}，且不能加密',
    en: 'A match rule cannot compare field "{id}" ({type}); usable types: {allowed}, not encrypted',
  },
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
  'meta.format_field': { 'zh-CN': '只有文本字段可以设置格式（此字段是 {type}）', en: 'Only text fields take a format (this field is {type})' },
  'meta.normalize_field': {
    'zh-CN': '只有文本、多行文本、电话、邮箱、网址字段可以设置保存时规整（此字段是 {type}）',
    en: 'Only text, long text, phone, email and URL fields are normalized on save (this field is {type})',
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
  'meta.report_field': {
    'zh-CN': '报表不能使用对象“{object}”的“{id}”（字段不存在，或是加密、长文本、汇总等无法分组统计的字段）',
    en: 'A report cannot use "{id}" of object "{object}" (no such field, or one that cannot be grouped: encrypted, long text, rollup)',
  },
  'meta.report_grain_missing': {
    'zh-CN': '日期字段“{id}”需要选择粒度（日、周、月、季、年）',
    en: 'Date field "{id}" needs a grain (day, week, month, quarter, year)',
  },
  'meta.report_grain_not_date': { 'zh-CN': '“{id}”不是日期字段，不能按粒度分组', en: '"{id}" is not a date field; it has no grain' },
  'meta.report_aggregate_type': { 'zh-CN': '字段“{id}”不能做“{aggregate}”统计', en: 'Field "{id}" cannot be aggregated with "{aggregate}"' },
  'meta.report_date_field': { 'zh-CN': '“{id}”不是日期或日期时间字段', en: '"{id}" is not a date or date-time field' },
  'meta.report_date_invalid': { 'zh-CN': '“{date}”不是有效日期（格式 YYYY-MM-DD）', en: '"{date}" is not a valid date (YYYY-MM-DD)' },
  'meta.report_range_order': { 'zh-CN': '结束日期必须晚于开始日期', en: 'The end date must come after the start date' },
  'meta.report_unknown_ref': { 'zh-CN': '“{id}”不存在', en: '"{id}" does not exist' },
  'meta.report_join_repeat': {
    'zh-CN': '对象“{id}”在报表的来源和关联中只能出现一次',
    en: 'Object "{id}" may appear only once among the report\'s source and joins',
  },
  'meta.report_join_via': {
    'zh-CN': '“{object}.{id}”必须是指向“{parent}”的关联字段',
    en: '"{object}.{id}" must be a relation field pointing at "{parent}"',
  },
  'meta.report_funnel_field': {
    'zh-CN': '漏斗须跟随单选字段（如阶段），“{id}”不是',
    en: 'A funnel follows a select field (such as a stage); "{id}" is not one',
  },
  'meta.report_target_dimension': {
    'zh-CN': '目标只能按人员或报表日期字段（月、季、年）分组，不能按“{id}”',
    en: 'Targets group by a person or the report\'s date field (month, quarter, year), not by "{id}"',
  },
  'meta.report_target': {
    'zh-CN': '目标须给出固定值，或目标对象的数字字段、日期字段（月份）与人员字段',
    en: 'A target needs a fixed value, or a targets object with a number field, a month date field and a person field',
  },
  'meta.report_completeness': {
    'zh-CN': '完整度须列出关键字段，或在对象“{object}”上设置 quality.keyFields',
    en: 'Completeness needs its key fields, or quality.keyFields on object "{object}"',
  },
  'meta.report_dormant': {
    'zh-CN': '沉睡记录的度量须在对象“{object}”上设置 quality.dormantAfterDays',
    en: 'A dormant-records measure needs quality.dormantAfterDays on object "{object}"',
  },
  'meta.report_duplicates': {
    'zh-CN': '重复率须在对象“{object}”上设置查重规则（matchRules）',
    en: 'A duplicate measure needs match rules (matchRules) on object "{object}"',
  },
  'meta.quality_activity': {
    'zh-CN': '活动来源“{id}”须是本对象或指向本对象的关联对象上的日期字段',
    en: 'Activity source "{id}" must be a date field of this object, or of an object whose relation field points here',
  },
  'meta.report_bucket': {
    'zh-CN': '分段只适用于数字字段，且须给出宽度或从小到大的分段点（不能同时按日期粒度）',
    en: 'Buckets apply to number fields only, with a width or ascending edges (not together with a date grain)',
  },
  'meta.widget_note_text': { 'zh-CN': '备注须有文字（中文或英文）', en: 'A note needs its text (in Chinese or English)' },
  'meta.widget_pivot_dimensions': {
    'zh-CN': '透视表的报表“{id}”须有两个分组维度：先行、后列（不能是漏斗）',
    en: 'A pivot table\'s report "{id}" needs two dimensions: rows, then columns (not a funnel)',
  },
  'meta.widget_gauge_max': { 'zh-CN': '仪表盘须有最大值或大于 0 的目标值', en: 'A gauge needs a max or a target above 0' },
  'meta.report_compare_needs_date': {
    'zh-CN': '报表“{id}”没有日期字段，无法与上一周期比较',
    en: 'Report "{id}" has no date field, so it cannot be compared with the previous period',
  },
  'meta.invalid': { 'zh-CN': '应用定义有 {count} 处错误', en: 'The app definition has {count} error(s)' },
  'meta.app_not_found': { 'zh-CN': '应用“{id}”不存在', en: 'App "{id}" does not exist' },
  'meta.app_exists': { 'zh-CN': '应用“{id}”已存在', en: 'App "{id}" already exists' },
  'meta.app_id_mismatch': { 'zh-CN': '文档的 id 必须是“{id}”', en: 'The document id must be "{id}"' },
  'meta.delete_confirm': { 'zh-CN': '请输入应用标识“{id}”以确认删除', en: 'Type the app id "{id}" to confirm the deletion' },
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
