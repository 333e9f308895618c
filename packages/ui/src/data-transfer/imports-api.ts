import type { FieldDefinition, MatchRule } from '@tessera/schemas';
import { request } from '../api/http';
import { ApiError, parseProblem } from '../api/problem';
import { useSessionStore } from '../stores/session-store';

/** What the server answers for an uploaded file (docs/api-contract.md, Imports). */
export interface ImportPreview {
  id: string;
  fileName: string;
  kind: 'xlsx' | 'csv';
  sheets: { index: number; name: string }[];
  sheet: number;
  headerRow: number;
  columns: { column: number; title: string; samples: unknown[]; suggestion: string | null }[];
  /** With each field's data rules, so the preview shows a sample as it will be stored (`canonicalFieldValue`). */
  fields: (Pick<FieldDefinition, 'id' | 'type' | 'label' | 'format' | 'phoneKind' | 'normalize'> & { required: boolean })[];
  /** The object's match rules rows can be matched by. */
  matchRules: Pick<MatchRule, 'id' | 'kind' | 'label' | 'fields' | 'nameField' | 'contactFields'>[];
}

export type DedupMode = 'skip' | 'update' | 'create';

export interface ImportPlan {
  sheet: number;
  headerRow: number;
  columns: { column: number; field: string }[];
  /** Matched by a mapped field or by one of the object's match rules. */
  dedup: (({ field: string } | { rule: string }) & { mode: DedupMode }) | null;
  atomicity: 'all' | 'valid';
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  refused: number;
}

export interface DryRunResult {
  counts: ImportCounts;
  issueCount: number;
  issues: { row: number; column: string | null; field: string; code: string; message: string }[];
}

export interface ImportStatus {
  id: string;
  fileName: string;
  status: 'uploaded' | 'running' | 'done' | 'failed' | 'undone';
  counts: ImportCounts | null;
  committed: boolean;
  progress: { rows: number } | null;
  error: { code: string; message: string } | null;
  issueCount: number;
}

const base = (appId: string, objectId: string) => `/api/apps/${encodeURIComponent(appId)}/objects/${encodeURIComponent(objectId)}`;
const imports = (appId: string, objectId: string) => `${base(appId, objectId)}/imports`;

async function send(path: string, body: BodyInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'Accept-Language': useSessionStore.getState().locale, Accept: '*/*' },
    });
  } catch (cause) {
    throw new ApiError(0, 'network', null, cause instanceof Error ? cause.message : 'network error');
  }
  if (response.ok) return response;
  const text = await response.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: no problem details
  }
  const problem = parseProblem(data, response.status);
  throw new ApiError(response.status, problem?.code ?? `http.${response.status}`, problem);
}

export const importsApi = {
  /** Uploads the file as it is (multipart): the server stores it and answers the first preview. */
  async upload(appId: string, objectId: string, file: File): Promise<ImportPreview> {
    const form = new FormData();
    form.append('file', file, file.name);
    return (await send(imports(appId, objectId), form)).json() as Promise<ImportPreview>;
  },
  preview: (appId: string, objectId: string, id: string, choice: { sheet?: number; headerRow?: number }) =>
    request<ImportPreview>('POST', `${imports(appId, objectId)}/${id}/preview`, choice),
  dryRun: (appId: string, objectId: string, id: string, plan: ImportPlan) => request<DryRunResult>('POST', `${imports(appId, objectId)}/${id}/dry-run`, plan),
  run: (appId: string, objectId: string, id: string, plan: ImportPlan) => request<ImportStatus>('POST', `${imports(appId, objectId)}/${id}/run`, plan),
  status: (appId: string, objectId: string, id: string) => request<ImportStatus>('GET', `${imports(appId, objectId)}/${id}`),
  undo: (appId: string, objectId: string, id: string) =>
    request<{ deleted: number; restored: number; skipped: number }>('POST', `${imports(appId, objectId)}/${id}/undo`, {}),
  /** The error report's address: a plain link downloads it with the session cookie, in the UI language. */
  errorReportUrl: (appId: string, objectId: string, id: string) =>
    `${imports(appId, objectId)}/${id}/errors.xlsx?lang=${encodeURIComponent(useSessionStore.getState().locale)}`,
};

/** Downloads a list view as .xlsx or .csv: the server streams it, the browser saves it under the server's name. */
export function downloadExport(
  appId: string,
  objectId: string,
  view: { format: 'xlsx' | 'csv'; filters: unknown[]; sort: unknown[]; columns: string[] },
): Promise<void> {
  return downloadPosted(`${base(appId, objectId)}/records/export`, view, `${objectId}.${view.format}`);
}

/** POSTs `body` as JSON and saves the file answered under the server's name (else `fallbackName`); a refusal throws its problem. */
export async function downloadPosted(path: string, body: unknown, fallbackName: string): Promise<void> {
  const response = await send(path, new Blob([JSON.stringify(body)], { type: 'application/json' }));
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  saveFile(await response.blob(), name ? decodeURIComponent(name) : fallbackName);
}

/** Hands a file made in the page (or fetched) to the browser's download. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
