import { describe, expect, it, vi } from 'vitest';

// The store module touches `window` when it is first used; the pure helpers do not.
vi.stubGlobal('window', { addEventListener: () => undefined, location: { pathname: '/' } });
const { parseRoute, routePath } = await import('./route-store');

describe('client routes', () => {
  it.each([
    ['/', { name: 'apps' }],
    ['/apps/crm', { name: 'app', appId: 'crm', objectId: null }],
    ['/apps/crm/objects/customer', { name: 'app', appId: 'crm', objectId: 'customer' }],
    ['/admin/departments', { name: 'admin', section: 'departments' }],
    ['/admin/audit', { name: 'admin', section: 'audit' }],
    ['/studio/formula', { name: 'studio', tool: 'formula' }],
    ['/elsewhere', { name: 'apps' }],
  ] as const)('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    if (path !== '/elsewhere') expect(routePath(parseRoute(path))).toBe(path);
  });
});
