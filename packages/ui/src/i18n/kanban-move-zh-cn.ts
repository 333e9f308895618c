import type { kanbanMoveEn } from './kanban-move-en';

/** 看板移动被表单规则拒绝后，在记录抽屉中补全信息的简体中文文字。与英文的键一一对应。 */
export const kanbanMoveZhCn: Record<keyof typeof kanbanMoveEn, string> = {
  'kanbanMove.complete': '将卡片移到“{column}”还需要补充信息：请填写标出的字段并保存；取消则卡片留在原处。',
};
