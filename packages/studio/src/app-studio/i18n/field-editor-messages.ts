import { registerMessages } from '@tessera/i18n';

/** The field editor's own words: type changes and their preview, formula fields and rollups, child-table columns. */
export const FIELD_EDITOR_MESSAGES = {
  'studio.typeChange.label': { 'zh-CN': '字段类型', en: 'Field type' },
  'studio.typeChange.checking': { 'zh-CN': '正在统计已有数据…', en: 'Counting the stored rows…' },
  'studio.typeChange.same': { 'zh-CN': '已有数据原样保留，无需转换。', en: 'Stored values stay as they are; nothing to convert.' },
  'studio.typeChange.unsupported': {
    'zh-CN': '已有数据无法从“{from}”转换为“{to}”，发布会被拒绝。请改为新建一个字段。',
    en: 'Stored values cannot be converted from {from} to {to}; publish would refuse it. Add a new field instead.',
  },
  'studio.typeChange.summary': {
    'zh-CN': '{from} → {to}：{converted} 行转换，{blanked} 行变为空，{failing} 行无法转换（共 {rows} 行，含回收站）',
    en: '{from} → {to}: {converted} rows convert, {blanked} become blank, {failing} cannot convert ({rows} rows, recycle bin included)',
  },
  'studio.typeChange.failing': {
    'zh-CN': '无法转换的行会让发布被拒绝，请先修改或清空它们。例如：{examples}',
    en: 'Publish is refused while rows cannot convert: fix or clear them first. Examples: {examples}',
  },
  'studio.typeChange.blanked': { 'zh-CN': '变为空的值，例如：{examples}', en: 'Values that become blank, e.g. {examples}' },
  'studio.typeChange.converted': { 'zh-CN': '转换示例：{examples}', en: 'Converted, e.g. {examples}' },
  'studio.typeChange.reviewTitle': { 'zh-CN': '字段类型变更对已有数据的影响', en: 'What the type changes do to stored rows' },
  'studio.formula.resultType': { 'zh-CN': '结果类型', en: 'Result type' },
  'studio.formula.source': { 'zh-CN': '公式', en: 'Formula' },
  'studio.formula.result.text': { 'zh-CN': '文本', en: 'Text' },
  'studio.formula.result.number': { 'zh-CN': '数字', en: 'Number' },
  'studio.formula.result.currency': { 'zh-CN': '金额', en: 'Currency' },
  'studio.formula.result.boolean': { 'zh-CN': '是/否', en: 'Yes/no' },
  'studio.formula.result.date': { 'zh-CN': '日期', en: 'Date' },
  'studio.formula.result.datetime': { 'zh-CN': '日期时间', en: 'Date and time' },
  'studio.rollup.title': { 'zh-CN': '汇总（子表或相关列表）', en: 'Roll-up (child table or related list)' },
  'studio.rollup.source': { 'zh-CN': '汇总来源', en: 'Rows from' },
  'studio.rollup.aggregate': { 'zh-CN': '汇总方式', en: 'Aggregate' },
  'studio.rollup.field': { 'zh-CN': '汇总字段', en: 'Field' },
  'studio.rollup.apply': { 'zh-CN': '写入公式', en: 'Use as formula' },
  'studio.rollup.SUM': { 'zh-CN': '求和', en: 'Sum' },
  'studio.rollup.AVERAGE': { 'zh-CN': '平均值', en: 'Average' },
  'studio.rollup.MIN': { 'zh-CN': '最小值', en: 'Minimum' },
  'studio.rollup.MAX': { 'zh-CN': '最大值', en: 'Maximum' },
  'studio.rollup.COUNT': { 'zh-CN': '行数', en: 'Count of rows' },
  'studio.columns.title': { 'zh-CN': '子表的列', en: 'Columns of the table' },
  'studio.columns.add': { 'zh-CN': '添加列', en: 'Add a column' },
  'studio.columns.remove': { 'zh-CN': '删除列“{name}”', en: 'Remove column "{name}"' },
  'studio.columns.moveUp': { 'zh-CN': '上移列“{name}”', en: 'Move column "{name}" up' },
  'studio.columns.moveDown': { 'zh-CN': '下移列“{name}”', en: 'Move column "{name}" down' },
  'studio.columns.row': {
    'zh-CN': '列“{name}”。单击编辑，拖动或按 Alt+↑/↓ 调整顺序',
    en: 'Column "{name}". Click to edit; drag or press Alt+↑/↓ to reorder',
  },
  'studio.columns.editing': { 'zh-CN': '列“{name}”的属性', en: 'Column "{name}"' },
  'studio.columns.noChild': { 'zh-CN': '此子表的明细对象不存在', en: "This table's line object is missing" },
} as const;

registerMessages(FIELD_EDITOR_MESSAGES);
