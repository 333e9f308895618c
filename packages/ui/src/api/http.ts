import { useSessionStore } from '../stores/session-store';
import { busyRetryDelayMs, waitUnlessAborted } from './busy-retry';
import { ApiError, parseProblem } from './problem';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Called on a 401 from any route but sign-in (expired session, deactivated user). A setter
 * rather than an import: the auth store calls the API, so it registers itself here.
 */
let onUnauthorized: (() => void) | null = null;

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The one door to the server. Sends the UI language as Accept-Language, so problem titles and
 * field messages come back in the language the user reads, and turns every failure into an
 * ApiError (status 0 when the request never got an answer). A read the server refused for
 * being busy is sent again after its Retry-After (busy-retry.ts).
 */
export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': useSessionStore.getState().locale,
    ...extraHeaders,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  for (let attempt = 0; ; attempt++) {
    const response = await send(method, path, headers, body, signal);
    const data = await readBody(response);
    if (response.ok) return data as T;

    const problem = parseProblem(data, response.status);
    const retryIn = busyRetryDelayMs(method, response.status, problem?.code, response.headers.get('retry-after'), attempt, Math.random());
    if (retryIn !== null) {
      await waitUnlessAborted(retryIn, signal);
      continue;
    }
    if (response.status === 401 && path !== '/api/auth/sign-in') onUnauthorized?.();
    // A dev proxy or load balancer without its upstream answers 502/503/504 in plain text:
    // to the user that is the same as no network.
    if (!problem && response.status >= 502 && response.status <= 504) {
      throw new ApiError(0, 'network', null, `upstream ${response.status}`);
    }
    throw new ApiError(response.status, problem?.code ?? `http.${response.status}`, problem);
  }
}

async function send(method: Method, path: string, headers: Record<string, string>, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', null, cause instanceof Error ? cause.message : 'network error');
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
