import { registerMessages } from '@tessera/i18n';

registerMessages({
  'auth.required': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': { 'zh-CN': '邮箱或密码不正确', en: 'Wrong email or password' },
  'auth.rate_limited': { 'zh-CN': '登录失败次数过多，请 {seconds} 秒后再试', en: 'Too many failed sign-ins; try again in {seconds} seconds' },
  'auth.admin_required': { 'zh-CN': '只有管理员可以执行此操作', en: 'Only an administrator may do this' },
  'auth.cross_site': { 'zh-CN': '拒绝跨站请求', en: 'Cross-site request refused' },
  'auth.weak_password': { 'zh-CN': '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'identity.email_taken': { 'zh-CN': '邮箱“{email}”已被使用', en: 'The email "{email}" is already in use' },
  'identity.user_not_found': { 'zh-CN': '用户不存在', en: 'No such user' },
  'identity.department_not_found': { 'zh-CN': '部门不存在', en: 'No such department' },
  'identity.department_cycle': { 'zh-CN': '部门不能移动到自己的下级部门中', en: 'A department cannot move under one of its own sub-departments' },
  'identity.department_in_use': { 'zh-CN': '部门下还有用户或子部门，不能删除', en: 'The department still has users or sub-departments' },
  'identity.token_not_found': { 'zh-CN': '令牌不存在', en: 'No such token' },
  'identity.last_admin': { 'zh-CN': '不能停用或降级最后一位管理员', en: 'The last active administrator cannot be deactivated or demoted' },
});
