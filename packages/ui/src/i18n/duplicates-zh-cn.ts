import type { duplicatesEn } from './duplicates-en';

/** 查重与合并的简体中文文字。与英文的键一一对应。 */
export const duplicatesZhCn: Record<keyof typeof duplicatesEn, string> = {
  'duplicates.warningTitle': '系统中可能已有这条记录',
  'duplicates.warningDetail': '保存后很可能与以下记录重复：',
  'duplicates.hidden': '一条你无权查看的记录',
  'duplicates.score': '相似度 {score}%',
  'duplicates.rule': '规则：{rule}',
  'duplicates.open': '打开查看',
  'duplicates.saveAnyway': '仍然保存',
  'duplicates.scanButton': '查找重复',
  'duplicates.scanTitle': '重复的{object}',
  'duplicates.scanSummary': '共 {count} 组疑似重复',
  'duplicates.scanSkipped': '有 {count} 个值被过多记录共用（不像同一家公司），已略过',
  'duplicates.scanEmpty': '没有发现重复',
  'duplicates.merge': '合并…',
  'duplicates.mergeTitle': '合并两条记录',
  'duplicates.keep': '保留这条',
  'duplicates.field': '字段',
  'duplicates.mergeOk': '合并',
  'duplicates.merged': '已合并：{count} 条相关记录改为指向保留的记录',
  'duplicates.undo': '撤销合并',
  'duplicates.undone': '已撤销合并',
  'duplicates.mergedFrom': '{time} 合并到本记录的那条记录的历史',
  'duplicates.mergeHint': '另一条记录将移入回收站；它的历史仍可从保留的记录查到，合并也可以撤销。',
};
