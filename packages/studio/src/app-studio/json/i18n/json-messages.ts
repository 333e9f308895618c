import { registerMessages } from '@tessera/i18n';

/** The JSON view's words, both languages side by side. */
export const JSON_MESSAGES = {
  'json.section': { 'zh-CN': 'JSON', en: 'JSON' },
  'json.title': { 'zh-CN': '应用定义（JSON）', en: 'The app document (JSON)' },
  'json.hint': {
    'zh-CN':
      '直接编辑草稿的 JSON。输入时即检查，问题会列在下方并在编辑器中标出；“应用到草稿”作为一步可撤销的修改。JSON 语法错误时不能应用，但已输入的内容会保留。',
    en: 'Edit the draft as JSON. It is checked as you type: problems are listed below and marked in the editor; "Apply to draft" is one undoable step. Broken JSON cannot be applied, but what you typed stays.',
  },
  'json.apply': { 'zh-CN': '应用到草稿', en: 'Apply to draft' },
  'json.revert': { 'zh-CN': '放弃修改', en: 'Discard changes' },
  'json.unchanged': { 'zh-CN': '与草稿一致', en: 'Same as the draft' },
  'json.edited': { 'zh-CN': '有未应用的修改', en: 'Changes not applied yet' },
  'json.draftMoved': {
    'zh-CN': '草稿在别处被修改过（撤销、其他区域）。应用将以这里的内容替换它。',
    en: 'The draft changed elsewhere (undo, another section). Applying replaces it with this text.',
  },
  'json.valid': { 'zh-CN': '没有问题', en: 'No problems' },
  'json.problems': { 'zh-CN': '{count} 个问题（可以应用，发布前需解决）', en: '{count} problem(s) (can be applied; must be fixed before publishing)' },
  'json.syntax': { 'zh-CN': 'JSON 语法错误，无法应用', en: 'Not valid JSON: cannot be applied' },
  'json.syntaxAt': { 'zh-CN': '第 {line} 行第 {column} 列：{problem}', en: 'Line {line}, column {column}: {problem}' },
  'json.notThisApp': {
    'zh-CN': '内容必须是一个 id 为“{id}”的应用对象',
    en: 'The text must be an app object whose id is "{id}"',
  },
  'json.loading': { 'zh-CN': '正在加载编辑器…', en: 'Loading the editor…' },
  'json.editor': { 'zh-CN': '应用定义 JSON 编辑器', en: 'App document JSON editor' },
  'json.err.InvalidSymbol': { 'zh-CN': '无效的字符', en: 'Invalid character' },
  'json.err.InvalidNumberFormat': { 'zh-CN': '数字格式不正确', en: 'Invalid number' },
  'json.err.PropertyNameExpected': { 'zh-CN': '此处应为属性名', en: 'A property name is expected here' },
  'json.err.ValueExpected': { 'zh-CN': '此处应为值', en: 'A value is expected here' },
  'json.err.ColonExpected': { 'zh-CN': '此处应为冒号', en: 'A colon is expected here' },
  'json.err.CommaExpected': { 'zh-CN': '此处应为逗号', en: 'A comma is expected here' },
  'json.err.CloseBraceExpected': { 'zh-CN': '缺少右花括号 }', en: 'A closing } is missing' },
  'json.err.CloseBracketExpected': { 'zh-CN': '缺少右方括号 ]', en: 'A closing ] is missing' },
  'json.err.EndOfFileExpected': { 'zh-CN': '结尾处有多余内容', en: 'Unexpected text after the end' },
  'json.err.InvalidCommentToken': { 'zh-CN': 'JSON 中不能有注释', en: 'JSON has no comments' },
  'json.err.UnexpectedEndOfComment': { 'zh-CN': '注释未结束', en: 'Unfinished comment' },
  'json.err.UnexpectedEndOfString': { 'zh-CN': '字符串未结束', en: 'Unfinished string' },
  'json.err.UnexpectedEndOfNumber': { 'zh-CN': '数字未结束', en: 'Unfinished number' },
  'json.err.InvalidUnicode': { 'zh-CN': '无效的 Unicode 转义', en: 'Invalid Unicode escape' },
  'json.err.InvalidEscapeCharacter': { 'zh-CN': '无效的转义字符', en: 'Invalid escape character' },
  'json.err.InvalidCharacter': { 'zh-CN': '字符串中有不允许的字符', en: 'A character not allowed in a string' },
} as const;

export type JsonMessage = keyof typeof JSON_MESSAGES;

registerMessages(JSON_MESSAGES);
