import { registerMessages } from '@tessera/i18n';

/** Words of managing an app itself (name, icon, deletion), both languages side by side. */
export const APP_MESSAGES = {
  'app.settings': { 'zh-CN': '名称与图标', en: 'Name and icon' },
  'app.settingsTitle': { 'zh-CN': '应用名称与图标', en: "The app's name and icon" },
  'app.settingsHint': {
    'zh-CN': '修改保存在草稿中（可撤销）：应用列表立即显示新名称，应用内的标题在下次发布后更新。',
    en: 'Kept in the draft (undoable): the app list shows the new name at once, the title inside the app after the next publish.',
  },
  'app.labelZh': { 'zh-CN': '中文名称', en: 'Name (Chinese)' },
  'app.labelEn': { 'zh-CN': '英文名称', en: 'Name (English)' },
  'app.labelNeeded': { 'zh-CN': '至少填写一种语言的名称', en: 'Give a name in at least one language' },
  'app.icon': { 'zh-CN': '图标', en: 'Icon' },
  'app.noIcon': { 'zh-CN': '无图标', en: 'No icon' },
  'app.apply': { 'zh-CN': '应用', en: 'Apply' },
  'app.delete': { 'zh-CN': '删除应用', en: 'Delete app' },
  'app.deleteTitle': { 'zh-CN': '删除应用“{name}”', en: 'Delete the app "{name}"' },
  'app.deleteWarning': {
    'zh-CN': '删除后无法恢复。以下内容将与应用一起永久删除：',
    en: 'This cannot be undone. Deleted for good with the app:',
  },
  'app.deleteObjects': { 'zh-CN': '对象及其记录', en: 'Objects and their records' },
  'app.deleteRecords': { 'zh-CN': '{count} 条记录', en: '{count} record(s)' },
  'app.deleteFlows': { 'zh-CN': '流程（进行中的审批将被取消）', en: 'Flows (running approvals are cancelled)' },
  'app.deleteRunning': { 'zh-CN': '{count} 个进行中', en: '{count} running' },
  'app.deleteDashboards': { 'zh-CN': '仪表板', en: 'Dashboards' },
  'app.deleteFiles': { 'zh-CN': '{count} 个文件（{size}）', en: '{count} file(s) ({size})' },
  'app.deleteVersions': {
    'zh-CN': '{count} 个已发布版本、草稿、角色分配、保存的视图和评论',
    en: '{count} published version(s), the draft, role assignments, saved views and comments',
  },
  'app.none': { 'zh-CN': '无', en: 'None' },
  'app.deleteType': { 'zh-CN': '输入应用名称“{name}”以确认', en: 'Type the app name "{name}" to confirm' },
  'app.deleteConfirm': { 'zh-CN': '永久删除', en: 'Delete for good' },
  'app.deleted': { 'zh-CN': '应用“{name}”已删除', en: 'The app "{name}" was deleted' },
  'app.loading': { 'zh-CN': '正在统计将被删除的内容…', en: 'Counting what would be deleted…' },
} as const;

export type AppMessage = keyof typeof APP_MESSAGES;

registerMessages(APP_MESSAGES);
