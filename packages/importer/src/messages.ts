import { registerMessages } from '@tessera/i18n';

/** What the importer says about a row, a column or a whole import, in zh-CN and en. */
registerMessages({
  'import.relation_not_found': { 'zh-CN': '“{label}”找不到名为“{value}”的记录', en: '"{label}": no record named "{value}"' },
  'import.relation_ambiguous': {
    'zh-CN': '“{label}”有 {count} 条名为“{value}”的记录，无法确定是哪一条',
    en: '"{label}": {count} records are named "{value}"; cannot tell which one',
  },
  'import.user_not_found': { 'zh-CN': '“{label}”找不到姓名或邮箱为“{value}”的在职人员', en: '"{label}": no active person with the name or e-mail "{value}"' },
  'import.user_ambiguous': {
    'zh-CN': '“{label}”有 {count} 位人员叫“{value}”，请改填邮箱',
    en: '"{label}": {count} people are called "{value}"; use the e-mail instead',
  },
  'import.department_not_found': { 'zh-CN': '“{label}”找不到部门“{value}”', en: '"{label}": no department "{value}"' },
  'import.department_ambiguous': { 'zh-CN': '“{label}”有 {count} 个部门叫“{value}”', en: '"{label}": {count} departments are called "{value}"' },
  'import.duplicate_in_file': { 'zh-CN': '“{label}”与文件第 {row} 行重复', en: '"{label}" repeats row {row} of the file' },
  'import.key_matches_many': {
    'zh-CN': '“{label}”为“{value}”的记录有 {count} 条，无法确定更新哪一条',
    en: '{count} records have "{label}" "{value}"; cannot tell which to update',
  },
  'import.rule_repeats_row': {
    'zh-CN': '按“{label}”与文件第 {row} 行是同一条记录',
    en: 'By "{label}", this is the same record as row {row} of the file',
  },
  'import.rule_matches_many': {
    'zh-CN': '按“{label}”匹配到 {count} 条已有记录（{candidates}），无法确定更新哪一条',
    en: 'By "{label}", {count} existing records match ({candidates}); cannot tell which to update',
  },
  'import.not_found': { 'zh-CN': '导入不存在或无权查看', en: 'The import does not exist or you may not see it' },
  'import.file_type': { 'zh-CN': '只能导入 .xlsx 或 .csv 文件', en: 'Only .xlsx and .csv files can be imported' },
  'import.file_unreadable': { 'zh-CN': '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
  'import.mapping_invalid': { 'zh-CN': '列映射有误：{reason}', en: 'The column mapping is wrong: {reason}' },
  'import.state': { 'zh-CN': '导入当前状态为“{status}”，不能{action}', en: 'The import is "{status}"; it cannot be {action}' },
  'import.rows_invalid': { 'zh-CN': '{count} 行有错误，未导入任何记录', en: '{count} row(s) have errors; nothing was imported' },
  'import.record_changed': { 'zh-CN': '导入后记录已被修改，未撤销', en: 'The record changed after the import; left as it is' },
  'export.yes': { 'zh-CN': '是', en: 'Yes' },
  'export.no': { 'zh-CN': '否', en: 'No' },
  'import.report.row': { 'zh-CN': '行号', en: 'Row' },
  'import.report.column': { 'zh-CN': '列', en: 'Column' },
  'import.report.field': { 'zh-CN': '字段', en: 'Field' },
  'import.report.reason': { 'zh-CN': '原因', en: 'Reason' },
  'import.report.errors': { 'zh-CN': '错误', en: 'Errors' },
  'import.report.rows': { 'zh-CN': '原始数据', en: 'Original rows' },
});
