import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { callApi, createRecord, type Person, signInApi } from './api';
import { typeInto } from './flow-designer-page';
import type { DropPlace } from './pointer-drag';
import { shellPage } from './shell-page';
import type { E2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

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

/** The studio of `appId` at its dashboards section, signed in as `admin` on the way. */
export async function openStudioDashboards(page: Page, appId: string, admin: { email: string; password: string }): Promise<void> {
  await page.goto(`/studio/apps/${appId}`);
  await shellPage(page).signIn(admin);
  await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
  await page.getByTestId('studio-section-dashboards').click();
}

/** "New dashboard", named in both languages; waits for its empty grid. */
export async function createDashboard(page: Page, name: { zh: string; en: string }): Promise<void> {
  await page.getByTestId('dash-new').click();
  await typeInto(page, page.getByTestId('dash-new-label-zh'), name.zh);
  await typeInto(page, page.getByTestId('dash-new-label-en'), name.en);
  await page.getByTestId('dash-new-ok').click();
  await page.getByTestId('dash-grid').waitFor({ timeout: UI_TIMEOUT });
}
