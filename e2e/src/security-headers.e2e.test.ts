import { loadTemplate } from '@tessera/templates';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const crm = loadTemplate('crm')!.document;

/** What the browser reports for each blocked script, style, worker or frame: its directive and what it blocked. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

function expectStrictHeaders(response: Response | null): void {
  const headers = response?.headers() ?? {};
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/style-src-elem 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': 'no-store',
  });
  expect(headers['permissions-policy']).toContain('camera=()');
}

/**
 * Under the Content-Security-Policy, every kind of page works with nothing blocked: sign-in, a
 * list, a record page, the formula editor (Monaco and its worker), a dashboard's charts (ECharts)
 * and the API docs.
 */
describe('the security headers', () => {
  let customerId = '';
  const suite = useE2eSuite(crm, async ({ api, appId }) => {
    const customer = await createRecord(api, appId, 'customer', { name: '杭州云栖科技有限公司', tier: 'A', status: 'active' });
    customerId = customer.id;
    for (const stage of ['lead', 'qualified', 'proposal'])
      await createRecord(api, appId, 'opportunity', { name: `商机 ${stage}`, customer: customer.id, stage, amount: '10000.00' });
  });

  it('serve every page with a strict policy that nothing on them violates', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const violations = await collectViolations(page);
    try {
      const first = await page.goto('/');
      expectStrictHeaders(first);
      await shellPage(page).signIn(E2E_ADMIN);

      const list = await page.goto(`/apps/${suite.appId}/objects/customer`);
      expectStrictHeaders(list);
      // A nonce is never reused: each load of index.html has its own.
      expect(list?.headers()['content-security-policy']).not.toBe(first?.headers()['content-security-policy']);
      await page.getByTestId('object-page-customer').waitFor({ timeout: UI_TIMEOUT });
      await page.getByText('杭州云栖科技有限公司').first().waitFor({ timeout: UI_TIMEOUT });

      await page.goto(`/apps/${suite.appId}/objects/customer/records/${customerId}`);
      await page.getByTestId('record-page-title').filter({ hasText: '杭州云栖科技有限公司' }).waitFor({ timeout: UI_TIMEOUT });

      // The formula editor: Monaco's styles, its suggestions and its editor worker.
      await page.goto('/studio/formula');
      await page.getByTestId('formula-app').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'CRM' }).click();
      await page.getByTestId('formula-object').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Customer' }).click();
      await page.getByTestId('formula-editor-input').locator('.view-lines').click({ timeout: UI_TIMEOUT });
      await page.keyboard.insertText('[Na');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Escape');

      // The studio's JSON view: Monaco with the JSON language worker.
      await page.goto(`/studio/apps/${suite.appId}`);
      await page.getByTestId('studio-section-json').click({ timeout: UI_TIMEOUT });
      await page.getByTestId('json-valid').waitFor({ timeout: UI_TIMEOUT });

      // A dashboard: ECharts draws the funnel and shows a tooltip on hover.
      await page.goto(`/apps/${suite.appId}/dashboards/sales_overview`);
      const funnel = page.locator('[data-testid=chart-funnel] svg path[fill]:not([fill="none"])');
      await funnel.first().waitFor({ timeout: UI_TIMEOUT });
      await funnel.first().hover({ force: true });

      const docs = await page.goto('/docs');
      expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: UI_TIMEOUT });

      expect(violations).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
