import { ApiError, parseProblem } from '../api/problem';
import type { FileRef } from '../api/types';
import { useSessionStore } from '../stores/session-store';
import { isFileRef } from './file-values';

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}

/**
 * `POST /api/apps/:appId/files` as multipart. Not through `request()`, which sends JSON only,
 * but with the same cookie credentials and Accept-Language, so a refusal comes back in the
 * user's language, and failures as the same ApiError.
 */
export async function uploadFile(appId: string, file: Blob, name: string, signal?: AbortSignal): Promise<FileRef> {
  const body = new FormData();
  body.append('file', file, name);
  let response: Response;
  try {
    response = await fetch(`/api/apps/${encodeURIComponent(appId)}/files`, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': useSessionStore.getState().locale,
      },
      credentials: 'same-origin',
      body,
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', null, cause instanceof Error ? cause.message : 'network error');
  }
  const data = await readJson(response);
  if (response.ok && isFileRef(data)) return data;
  const problem = parseProblem(data, response.status);
  throw new ApiError(response.status, problem?.code ?? `http.${response.status}`, problem);
}
