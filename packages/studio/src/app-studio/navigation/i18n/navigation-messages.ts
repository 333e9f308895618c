import { registerMessages } from '@tessera/i18n';

/** The navigation section's words (the app's menu), both languages side by side. */
export const NAVIGATION_MESSAGES = {
  'nav.section': { 'zh-CN': '菜单', en: 'Menu' },
  'nav.title': { 'zh-CN': '应用菜单', en: "The app's menu" },
  'nav.hint': {
    'zh-CN': '拖动调整顺序（或选中后按 Alt+↑/↓）；可为每一项选择图标，并限定只对某些角色显示。菜单只决定入口，能看到哪些记录仍由角色权限决定。',
    en: 'Drag to reorder (or focus an entry and press Alt+↑/↓); give each entry an icon, and show it to some roles only. The menu only offers pages: what each person sees there is still decided by their role.',
  },
  'nav.derived': {
    'zh-CN': '这个应用还没有自定义菜单：下面是按对象生成的默认菜单，修改任意一项即保存为自定义菜单。',
    en: 'This app has no menu of its own yet: below is the default one, an entry per object; changing anything keeps it as the app’s menu.',
  },
  'nav.add': { 'zh-CN': '添加菜单项', en: 'Add an entry' },
  'nav.addObject': { 'zh-CN': '对象：{name}', en: 'Object: {name}' },
  'nav.addView': { 'zh-CN': '列表视图：{object} · {name}', en: 'List view: {object} · {name}' },
  'nav.addDashboard': { 'zh-CN': '仪表板：{name}', en: 'Dashboard: {name}' },
  'nav.addApprovals': { 'zh-CN': '审批中心', en: 'Approval inbox' },
  'nav.group': { 'zh-CN': '分组', en: 'Group' },
  'nav.icon': { 'zh-CN': '“{name}”的图标', en: 'Icon of "{name}"' },
  'nav.noIcon': { 'zh-CN': '无图标', en: 'No icon' },
  'nav.roles': { 'zh-CN': '“{name}”对哪些角色显示', en: 'Roles that see "{name}"' },
  'nav.everyone': { 'zh-CN': '所有人', en: 'Everyone' },
  'nav.remove': { 'zh-CN': '移除“{name}”', en: 'Remove "{name}"' },
  'nav.moveUp': { 'zh-CN': '上移“{name}”', en: 'Move "{name}" up' },
  'nav.moveDown': { 'zh-CN': '下移“{name}”', en: 'Move "{name}" down' },
  'nav.keyboardHint': { 'zh-CN': '按 Alt+↑/↓ 调整顺序', en: 'Alt+↑/↓ moves it' },
  'nav.dropAt': { 'zh-CN': '放到第 {position} 位', en: 'Drop at position {position}' },
  'nav.problems': { 'zh-CN': '菜单有 {count} 个问题', en: 'The menu has {count} problems' },
  'nav.issue': { 'zh-CN': '菜单项“{entry}”：{message}', en: 'Menu entry "{entry}": {message}' },
} as const;

export type NavigationMessage = keyof typeof NAVIGATION_MESSAGES;

registerMessages(NAVIGATION_MESSAGES);
