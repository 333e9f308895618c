import type { childtableEn } from './childtable-en';

/** 明细表（子表）编辑网格与只读视图。 */
export const childtableZhCn: Record<keyof typeof childtableEn, string> = {
  'childTable.addLine': '添加一行',
  'childTable.empty': '暂无明细',
  'childTable.lineOne': '1 行',
  'childTable.lines': '{count} 行',
  'childTable.total': '合计',
  'childTable.rowNumber': '序号',
  'childTable.actions': '操作',
  'childTable.moveUp': '上移第 {row} 行',
  'childTable.moveDown': '下移第 {row} 行',
  'childTable.remove': '删除第 {row} 行',
  'childTable.drag': '拖动以移动第 {row} 行',
  'childTable.cellLabel': '第 {row} 行：{field}',
  'childTable.computed': '输入时自动计算，保存时以服务器结果为准',
  'childTable.linesWithErrors': '有 {count} 行需要修改，请查看标红的单元格',
  'childTable.added': '已添加第 {row} 行',
  'childTable.moved': '已移到第 {row} 行',
  'childTable.removed': '已删除第 {row} 行',
  'childTable.missingObject': '无法显示这些明细：已发布的应用中没有对应的对象',
};
