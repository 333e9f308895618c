import { registerMessages } from '@tessera/i18n';
import type { ExprErrorCode } from './errors';

/** Every error code with its zh-CN and en text; `{name}` placeholders come from the error's params. */
export const EXPR_MESSAGES: Record<ExprErrorCode, { 'zh-CN': string; en: string }> = {
  'expr.syntax.unexpected_token': { 'zh-CN': '此处不应出现“{token}”', en: 'Unexpected "{token}"' },
  'expr.syntax.unexpected_end': { 'zh-CN': '公式不完整', en: 'The formula ends too early' },
  'expr.syntax.missing_paren': { 'zh-CN': '缺少右括号“)”', en: 'Missing closing parenthesis ")"' },
  'expr.syntax.unclosed_string': { 'zh-CN': '文本缺少结束引号', en: 'Text is missing its closing quote' },
  'expr.syntax.unclosed_bracket': { 'zh-CN': '字段名缺少“]”', en: 'Field name is missing its closing "]"' },
  'expr.syntax.invalid_character': { 'zh-CN': '无效字符“{token}”', en: 'Invalid character "{token}"' },
  'expr.too_long': { 'zh-CN': '公式过长（最多 {max} 个字符）', en: 'The formula is too long (at most {max} characters)' },
  'expr.too_deep': { 'zh-CN': '公式嵌套过深（最多 {max} 层）', en: 'The formula is nested too deeply (at most {max} levels)' },
  'expr.unknown_function': { 'zh-CN': '未知函数 {name}', en: 'Unknown function {name}' },
  'expr.unknown_field': { 'zh-CN': '未知字段 {name}', en: 'Unknown field {name}' },
  'expr.ambiguous_field': { 'zh-CN': '字段名 {name} 对应多个字段，请使用字段 ID', en: 'Field name {name} matches several fields; use the field id' },
  'expr.arg_count': { 'zh-CN': '{name} 需要 {expected} 个参数，实际为 {actual} 个', en: '{name} takes {expected} arguments, got {actual}' },
  'expr.arg_type': { 'zh-CN': '{name} 的第 {index} 个参数应为{expected}，实际为{actual}', en: 'Argument {index} of {name} must be {expected}, got {actual}' },
  'expr.operand_type': { 'zh-CN': '运算符 {op} 不能用于{left}和{right}', en: 'Operator {op} cannot be used with {left} and {right}' },
  'expr.branch_type': {
    'zh-CN': '{name} 的各个结果类型不一致：{expected} 与 {actual}',
    en: 'The results of {name} have different types: {expected} and {actual}',
  },
  'expr.text_format': { 'zh-CN': '{name} 的格式“{format}”不可用：{rule}', en: 'The format "{format}" of {name} cannot be used: {rule}' },
  'expr.not_a_relation': { 'zh-CN': '{name} 不是关联字段或子表', en: '{name} is not a relation or child table' },
  'expr.bad_member': { 'zh-CN': '{relation} 中没有字段 {name}', en: '{relation} has no field {name}' },
  'expr.unsupported_field': { 'zh-CN': '公式中不能使用{type}类型的字段 {name}', en: 'Field {name} of type {type} cannot be used in formulas' },
  'expr.cycle': { 'zh-CN': '计算字段循环引用：{path}', en: 'Computed fields refer to each other in a cycle: {path}' },
  'expr.step_limit': { 'zh-CN': '计算步骤超过上限 {max}', en: 'Evaluation took more than {max} steps' },
  'expr.string_too_long': { 'zh-CN': '文本结果超过 {max} 个字符', en: 'Text result is longer than {max} characters' },
  'expr.eval_failed': { 'zh-CN': '计算失败：{reason}', en: 'Evaluation failed: {reason}' },
};

/** Type names as they appear inside messages (`expected`, `actual` … params). */
export const EXPR_TYPE_MESSAGES: Record<string, { 'zh-CN': string; en: string }> = {
  'expr.type.number': { 'zh-CN': '数字', en: 'a number' },
  'expr.type.currency': { 'zh-CN': '金额', en: 'a currency amount' },
  'expr.type.text': { 'zh-CN': '文本', en: 'text' },
  'expr.type.boolean': { 'zh-CN': '是/否', en: 'true/false' },
  'expr.type.date': { 'zh-CN': '日期', en: 'a date' },
  'expr.type.datetime': { 'zh-CN': '日期时间', en: 'a date and time' },
  'expr.type.select': { 'zh-CN': '单选', en: 'a selection' },
  'expr.type.user': { 'zh-CN': '用户', en: 'a user' },
  'expr.type.list': { 'zh-CN': '多选', en: 'a multi-selection' },
  'expr.type.temporal': { 'zh-CN': '日期或日期时间', en: 'a date or date and time' },
  'expr.type.any': { 'zh-CN': '单个值', en: 'a single value' },
  'expr.type.text_or_list': { 'zh-CN': '文本或多选', en: 'text or a multi-selection' },
  'expr.type.number_or_text': { 'zh-CN': '小数位数或格式文本', en: 'a number of decimals or a format text' },
  'expr.type.relation': { 'zh-CN': '关联', en: 'a relation' },
  'expr.type.child_table': { 'zh-CN': '子表', en: 'a child table' },
};

/** The rules behind `expr.text_format`; `{token}` is the part of the format that broke the rule. */
export const EXPR_FORMAT_RULE_MESSAGES: Record<string, { 'zh-CN': string; en: string }> = {
  'expr.format_rule.literal': {
    'zh-CN': '格式必须直接写成带引号的文本，如 "#,##0.00"',
    en: 'the format must be written in quotes in the formula, e.g. "#,##0.00"',
  },
  'expr.format_rule.empty': { 'zh-CN': '格式为空', en: 'the format is empty' },
  'expr.format_rule.unknown_code': {
    'zh-CN': '“{token}”不是可用的格式代码（数字用 0 # , . % E+00，日期用 yyyy yy m mm d dd h hh mm ss）',
    en: '"{token}" is not a supported format code (numbers: 0 # , . % E+00; dates: yyyy yy m mm d dd h hh mm ss)',
  },
  'expr.format_rule.needs_number': { 'zh-CN': '数字格式只能用于数字', en: 'a number format needs a number' },
  'expr.format_rule.needs_date': { 'zh-CN': '日期格式只能用于日期或日期时间', en: 'a date format needs a date or a date and time' },
};

registerMessages(EXPR_MESSAGES);
registerMessages(EXPR_FORMAT_RULE_MESSAGES);
registerMessages({ 'expr.did_you_mean': { 'zh-CN': '，是不是 {suggestion}？', en: '. Did you mean {suggestion}?' } });
registerMessages(EXPR_TYPE_MESSAGES);
