import { describe, expect, it, vi } from 'vitest';

// The store module touches `window` when it is first used; the pure helpers do not.
vi.stubGlobal('window', { addEventListener: () => undefined, location: { pathname: '/' } });
const { parseRoute, routePath } = await import('./route-store');

describe('client routes', () => {
  it.each([
    ['/', { name: 'apps' }],
    ['/apps/crm', { name: 'app', appId: 'crm', objectId: null }],
    ['/apps/crm/objects/customer', { name: 'app', appId: 'crm', objectId: 'customer' }],
    ['/apps/crm/dashboards/sales_overview', { name: 'dashboard', appId: 'crm', dashboardId: 'sales_overview' }],
    [
      '/apps/crm/objects/customer/records/0190c0de-7e57-7000-8000-000000000001',
      {
        name: 'record',
        appId: 'crm',
        objectId: 'customer',
        recordId: '0190c0de-7e57-7000-8000-000000000001',
      },
    ],
    ['/admin/departments', { name: 'admin', section: 'departments' }],
    ['/admin/audit', { name: 'admin', section: 'audit' }],
    ['/studio/formula', { name: 'studio', tool: 'formula' }],
    ['/studio/apps/crm', { name: 'studio-app', appId: 'crm' }],
    ['/approvals/todo', { name: 'approvals', box: 'todo' }],
    ['/approvals/cc', { name: 'approvals', box: 'cc' }],
    ['/approvals/instances/0190c0de-7e57-7000-8000-000000000002', { name: 'approval', instanceId: '0190c0de-7e57-7000-8000-000000000002' }],
    ['/elsewhere', { name: 'apps' }],
  ] as const)('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    if (path !== '/elsewhere') expect(routePath(parseRoute(path))).toBe(path);
  });
});

describe('record page routes', () => {
  it('encodes ids that are not URL-safe and reads them back', () => {
    const route = { name: 'record', appId: 'crm', objectId: 'customer', recordId: 'a/b c' } as const;
    expect(routePath(route)).toBe('/apps/crm/objects/customer/records/a%2Fb%20c');
    expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('treats a records path without an id as the object page', () => {
    expect(parseRoute('/apps/crm/objects/customer/records')).toEqual({ name: 'app', appId: 'crm', objectId: 'customer' });
  });
});
