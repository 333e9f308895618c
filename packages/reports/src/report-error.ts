import { type MessageParams, registerMessages } from '@tessera/i18n';
import type { MetaIssue } from '@tessera/meta';

registerMessages({
  'report.not_found': { 'zh-CN': '应用中没有报表“{id}”', en: 'The app has no report "{id}"' },
  'dashboard.not_found': { 'zh-CN': '应用中没有仪表盘“{id}”', en: 'The app has no dashboard "{id}"' },
  'dashboard.forbidden': { 'zh-CN': '你的角色不能查看仪表盘“{id}”', en: 'Your role may not open the dashboard "{id}"' },
  'widget.not_found': { 'zh-CN': '仪表盘中没有你可查看的组件“{id}”', en: 'The dashboard has no widget "{id}" you may see' },
  'report.hidden': { 'zh-CN': '报表“{id}”只在你的角色看不到的组件中展示', en: 'The report "{id}" is shown only in widgets your role may not see' },
  'report.export_forbidden': { 'zh-CN': '你的角色不能导出“{object}”的数据', en: 'Your role may not export "{object}" records' },
  'report.invalid': { 'zh-CN': '报表定义有 {count} 处错误', en: 'The report definition has {count} error(s)' },
  'report.forbidden': { 'zh-CN': '你的角色不能查看“{object}”的数据', en: 'Your role may not read "{object}" records' },
  'report.field_hidden': {
    'zh-CN': '此报表用到了你的角色看不到的字段“{field}”',
    en: 'This report uses "{field}", a field your role may not see',
  },
  'report.timeout': { 'zh-CN': '此图表的查询超过 {ms} 毫秒，已停止', en: 'This widget’s query took longer than {ms} ms and was stopped' },
});

export type ReportErrorCode =
  | 'report.not_found'
  | 'dashboard.not_found'
  | 'dashboard.forbidden'
  | 'widget.not_found'
  | 'report.hidden'
  | 'report.export_forbidden'
  | 'report.invalid'
  | 'report.forbidden'
  | 'report.field_hidden'
  | 'report.timeout';

const STATUS: Record<ReportErrorCode, 403 | 404 | 422 | 503> = {
  'report.not_found': 404,
  'dashboard.not_found': 404,
  'dashboard.forbidden': 403,
  'widget.not_found': 404,
  'report.hidden': 403,
  'report.export_forbidden': 403,
  'report.invalid': 422,
  'report.forbidden': 403,
  'report.field_hidden': 403,
  'report.timeout': 503,
};

/** A report that cannot be answered for this viewer, as a value with a code; translated at the edge. */
export class ReportError extends Error {
  readonly status: number;
  constructor(
    readonly code: ReportErrorCode,
    readonly params: MessageParams = {},
    readonly issues: readonly MetaIssue[] = [],
  ) {
    super(code);
    this.name = 'ReportError';
    this.status = STATUS[code];
  }
}
