import type { LocalizedText } from './app.schema';

/** The record columns every object has, as a reader names them (zh-CN and en): list columns and filters, report headers, exported titles, designer pickers. */
export const SYSTEM_COLUMN_LABELS = {
  owner_id: { 'zh-CN': '负责人', en: 'Owner' },
  created_by: { 'zh-CN': '创建人', en: 'Created by' },
  updated_by: { 'zh-CN': '最后修改人', en: 'Last modified by' },
  department_id: { 'zh-CN': '所属部门', en: 'Department' },
  created_at: { 'zh-CN': '创建时间', en: 'Created at' },
  updated_at: { 'zh-CN': '最后修改时间', en: 'Last modified' },
} as const satisfies Record<string, LocalizedText>;
