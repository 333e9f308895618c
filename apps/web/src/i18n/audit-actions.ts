import type { Locale } from '@tessera/i18n';

/**
 * The audit log's action codes as people say them. A code not listed (a newer one) shows as
 * itself, so the log never hides what happened.
 */
const ACTIONS: Record<string, Record<Locale, string>> = {
  'auth.sign_in': { en: 'Signed in', 'zh-CN': '登录' },
  'auth.sign_in_failed': { en: 'Sign-in failed', 'zh-CN': '登录失败' },
  'auth.sign_out': { en: 'Signed out', 'zh-CN': '退出登录' },
  'record.create': { en: 'Created a record', 'zh-CN': '新建记录' },
  'record.update': { en: 'Changed a record', 'zh-CN': '修改记录' },
  'record.delete': { en: 'Deleted a record', 'zh-CN': '删除记录' },
  'record.restore': { en: 'Restored a record', 'zh-CN': '恢复记录' },
  'record.anonymize': { en: 'Anonymized a record', 'zh-CN': '匿名化记录' },
  'record.bulk_update': { en: 'Bulk edit', 'zh-CN': '批量修改' },
  'record.bulk_delete': { en: 'Bulk delete', 'zh-CN': '批量删除' },
  'record.reassign': { en: 'Reassigned records', 'zh-CN': '转移负责人' },
  'record.merge': { en: 'Merged duplicates', 'zh-CN': '合并重复记录' },
  'record.merge_undo': { en: 'Undid a merge', 'zh-CN': '撤销合并' },
  'comment.delete': { en: 'Deleted a comment', 'zh-CN': '删除评论' },
  'record.export_personal_data': { en: 'Exported personal data', 'zh-CN': '导出个人数据' },
  'records.export': { en: 'Exported records', 'zh-CN': '导出记录' },
  'import.run': { en: 'Imported records', 'zh-CN': '导入记录' },
  'import.undo': { en: 'Undid an import', 'zh-CN': '撤销导入' },
  'dashboard.widget_export': { en: 'Exported a chart', 'zh-CN': '导出图表' },
  'meta.create_app': { en: 'Created an app', 'zh-CN': '新建应用' },
  'meta.save_draft': { en: 'Saved a design draft', 'zh-CN': '保存设计草稿' },
  'meta.publish': { en: 'Published an app', 'zh-CN': '发布应用' },
  'meta.rollback': { en: 'Rolled back an app', 'zh-CN': '回滚应用' },
  'meta.purge': { en: 'Purged old versions', 'zh-CN': '清理旧版本' },
  'meta.delete_app': { en: 'Deleted an app', 'zh-CN': '删除应用' },
  'user.create': { en: 'Created a user', 'zh-CN': '新建用户' },
  'user.update': { en: 'Changed a user', 'zh-CN': '修改用户' },
  'user.deactivate': { en: 'Deactivated a user', 'zh-CN': '停用用户' },
  'department.create': { en: 'Created a department', 'zh-CN': '新建部门' },
  'department.update': { en: 'Changed a department', 'zh-CN': '修改部门' },
  'department.delete': { en: 'Deleted a department', 'zh-CN': '删除部门' },
  'permission.assign_roles': { en: 'Assigned roles', 'zh-CN': '分配角色' },
};

export function auditActionName(code: string, locale: Locale): string {
  return ACTIONS[code]?.[locale] ?? code;
}
