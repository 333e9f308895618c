import type { listLinkEn } from './list-link-en';

/** 列表链接：地址中携带的筛选条件，以及无法应用时的说明。 */
export const listLinkZhCn: Record<keyof typeof listLinkEn, string> = {
  'listView.op.breaks_format': '不是有效的',
  'listView.op.breaks_own_format': '格式无效',
  'listView.link.malformed': '无法读取链接中的筛选条件，已显示全部记录。',
  'listView.link.version': '该链接由其他版本的 Tessera 生成，未应用其筛选条件，已显示全部记录。',
  'listView.link.stale': '链接按本列表已不提供的字段筛选（{fields}），已显示全部记录。',
  'listView.link.refused': '链接中的筛选条件已不适用于本列表，已显示全部记录。',
};
