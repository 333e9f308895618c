import { registerMessages } from '@tessera/i18n';

/** The list views designer's words, both languages side by side. */
export const VIEW_MESSAGES = {
  'views.tab': { 'zh-CN': '列表视图', en: 'Views' },
  'views.hint': {
    'zh-CN': '列表视图是用户打开对象时可选的共享视图：列、默认筛选和排序、看板或日历，以及哪些角色能看到。',
    en: 'List views are the shared views people pick on an object: its columns, default filters and sort, a board or calendar, and which roles see it.',
  },
  'views.none': { 'zh-CN': '这个对象还没有列表视图', en: 'This object has no list views yet' },
  'views.add': { 'zh-CN': '新建视图', en: 'Add a view' },
  'views.newLabel': { 'zh-CN': '新视图', en: 'New view' },
  'views.copySuffix': { 'zh-CN': '（副本）', en: ' (copy)' },
  'views.duplicate': { 'zh-CN': '复制“{name}”', en: 'Duplicate "{name}"' },
  'views.delete': { 'zh-CN': '删除“{name}”', en: 'Delete "{name}"' },
  'views.deleteConfirm': { 'zh-CN': '删除视图“{name}”？可以撤销。', en: 'Delete view "{name}"? You can undo it.' },
  'views.deleteMenuEntries': {
    'zh-CN': '菜单中打开这个视图的入口也会一起删除：{names}',
    en: 'The menu entries that open this view go with it: {names}',
  },
  'views.dragHint': { 'zh-CN': '拖到另一行以调整顺序', en: 'Drag onto another row to reorder' },
  'views.moveUp': { 'zh-CN': '上移“{name}”', en: 'Move "{name}" up' },
  'views.moveDown': { 'zh-CN': '下移“{name}”', en: 'Move "{name}" down' },
  'views.labelZh': { 'zh-CN': '名称（中文）', en: 'Name (Chinese)' },
  'views.labelEn': { 'zh-CN': '名称（英文）', en: 'Name (English)' },
  'views.columns': { 'zh-CN': '列', en: 'Columns' },
  'views.columnsHint': {
    'zh-CN': '把字段拖到“显示的列”里并拖动排序，或用按钮：添加、←/→ 移动、移除。',
    en: 'Drag fields into "Shown columns" and drag to order them, or use the buttons: add, move ←/→, remove.',
  },
  'views.shown': { 'zh-CN': '显示的列', en: 'Shown columns' },
  'views.available': { 'zh-CN': '可添加的字段', en: 'Fields to add' },
  'views.noColumns': { 'zh-CN': '未选列：显示对象的前几个字段', en: 'No columns chosen: the object’s first fields show' },
  'views.addColumn': { 'zh-CN': '添加列“{name}”', en: 'Add column "{name}"' },
  'views.removeColumn': { 'zh-CN': '移除列“{name}”', en: 'Remove column "{name}"' },
  'views.columnLeft': { 'zh-CN': '“{name}”前移', en: 'Move "{name}" earlier' },
  'views.columnRight': { 'zh-CN': '“{name}”后移', en: 'Move "{name}" later' },
  'views.dropAt': { 'zh-CN': '放到第 {position} 列', en: 'Drop as column {position}' },
  'views.filters': { 'zh-CN': '默认筛选', en: 'Default filters' },
  'views.sort': { 'zh-CN': '排序（最多 5 个）', en: 'Sort (up to 5 keys)' },
  'views.addSort': { 'zh-CN': '添加排序', en: 'Add a sort key' },
  'views.sortField': { 'zh-CN': '第 {position} 排序字段', en: 'Sort key {position}' },
  'views.sortDirection': { 'zh-CN': '第 {position} 排序方向', en: 'Direction of sort key {position}' },
  'views.asc': { 'zh-CN': '升序', en: 'Ascending' },
  'views.desc': { 'zh-CN': '降序', en: 'Descending' },
  'views.removeSort': { 'zh-CN': '移除第 {position} 排序', en: 'Remove sort key {position}' },
  'views.layout': { 'zh-CN': '布局', en: 'Layout' },
  'views.layout.table': { 'zh-CN': '表格', en: 'Table' },
  'views.layout.kanban': { 'zh-CN': '看板', en: 'Kanban' },
  'views.layout.calendar': { 'zh-CN': '日历', en: 'Calendar' },
  'views.groupField': { 'zh-CN': '分组字段', en: 'Group by' },
  'views.dateField': { 'zh-CN': '日期字段', en: 'Date field' },
  'views.roles': { 'zh-CN': '可见角色', en: 'Roles that see it' },
  'views.everyone': { 'zh-CN': '所有人', en: 'Everyone' },
  'views.index': { 'zh-CN': '发布时将创建索引：{columns}', en: 'Publishing will create this index: {columns}' },
  'views.noIndex': {
    'zh-CN': '这个视图没有等值筛选或排序，发布时不需要新索引',
    en: 'This view neither filters by equality nor sorts: publishing builds no index for it',
  },
  'views.problems': { 'zh-CN': '这个视图有 {count} 个问题', en: 'This view has {count} problems' },
} as const;

export type ViewMessage = keyof typeof VIEW_MESSAGES;

registerMessages(VIEW_MESSAGES);
