import type { Browser } from 'playwright-core';
import { type ApiSession, callApi, type Person } from './api';
import { type OpenedPage, openPage, type PageOptions } from './browser';
import { shellPage } from './shell-page';

/** The three people of every approval test: a rep, the rep's manager (head of their department) and finance. */
export interface ApprovalTeam {
  rep: Person;
  manager: Person;
  finance: Person;
}

/**
 * Creates the team through the admin API: the manager heads a sales department the rep belongs to
 * (so "department head" finds them), the rep has the app's `rep` role and finance its `finance`
 * role. The manager gets no role: they reach a quote only through its approval. Returns the ids.
 */
export async function createApprovalTeam(api: ApiSession, appId: string, team: ApprovalTeam, department: string): Promise<Record<keyof ApprovalTeam, string>> {
  const made = async (person: Person) => (await callApi<{ id: string }>(api, 'POST', '/api/admin/users', person)).id;
  const ids = { rep: await made(team.rep), manager: await made(team.manager), finance: await made(team.finance) };
  const sales = await callApi<{ id: string }>(api, 'POST', '/api/admin/departments', { name: department, headUserId: ids.manager });
  await callApi(api, 'PATCH', `/api/admin/users/${ids.rep}`, { departmentId: sales.id });
  await callApi(api, 'PUT', `/api/admin/users/${ids.rep}/roles`, { appId, roles: ['rep'] });
  await callApi(api, 'PUT', `/api/admin/users/${ids.finance}/roles`, { appId, roles: ['finance'] });
  return ids;
}

/** A browser page of its own for one person, opened at `path` and signed in there. */
export async function signedIn(browser: Browser, baseURL: string, who: Person, path: string, view: Omit<PageOptions, 'baseURL'> = {}): Promise<OpenedPage> {
  const opened = await openPage(browser, { baseURL, ...view });
  await opened.page.goto(path);
  await shellPage(opened.page).signIn(who);
  return opened;
}
