import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { callApi, createRecord, signInApi } from './api';
import type { DropPlace } from './pointer-drag';
import type { E2eSuite } from './suite';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Deals (name, stage open/won, amount) with no dashboard yet: reps read their own, the manager reads and exports all. */
export function dealsApp(id: string): AppDocument {
  return {
    id,
    label: label('Deals', '商机'),
    objects: [
      {
        id: 'deal',
        label: label('Deal', '商机'),
        pluralLabel: label('Deals', '商机'),
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
          {
            id: 'stage',
            type: 'select',
            label: label('Stage', '阶段'),
            options: [
              { value: 'open', label: label('Open', '进行中') },
              { value: 'won', label: label('Won', '赢单') },
            ],
          },
          { id: 'amount', type: 'currency', label: label('Amount', '金额') },
        ],
      },
    ],
    roles: [
      { id: 'rep', label: label('Rep', '销售'), permissions: [{ object: 'deal', actions: ['create', 'read', 'update'], rows: 'own' }] },
      { id: 'manager', label: label('Manager', '经理'), permissions: [{ object: 'deal', actions: ['read', 'export'], rows: 'all' }] },
    ],
    navigation: [{ id: 'deals', object: 'deal' }],
  };
}

export interface Person {
  email: string;
  name: string;
  password: string;
}

/** The people with their roles in the app, and each rep's deals created by themselves (so they own them). */
export async function seedDealTeam(
  { api, appId, server }: E2eSuite,
  people: readonly (readonly [Person, 'rep' | 'manager'])[],
  deals: readonly (readonly [Person, Record<string, string>])[],
): Promise<void> {
  for (const [person, role] of people) {
    const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', person);
    await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: [role] });
  }
  for (const [owner, values] of deals) {
    const session = await signInApi(server.baseUrl, { email: owner.email, password: owner.password });
    await createRecord(session, appId, 'deal', values);
  }
}

/** The designer's grid: it lights up while a widget is dragged, and again under the pointer. */
export const designerGrid = (page: Page): DropPlace => ({
  target: () => page.getByTestId('dash-grid'),
  dragging: () => page.locator('[data-testid=dash-grid].dash-grid-active'),
  over: () => page.locator('[data-testid=dash-grid].dash-grid-over'),
});

// Typing and picking as on the flow designer's page: one definition for the studio's e2e tests.
export { pick, typeInto } from './flow-designer-page';
