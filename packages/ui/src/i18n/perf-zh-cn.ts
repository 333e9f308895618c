import type { perfEn } from './perf-en';

/** 记录表单布局（按需渲染的标签页和步骤）的中文文案。 */
export const perfZhCn: Record<keyof typeof perfEn, string> = {
  'perf.pageHasErrors': '有需要修改的字段',
  'perf.widgetsFailed': '此输入控件加载失败，请检查网络后刷新页面。',
};
