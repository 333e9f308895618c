import { FlowError } from '@tessera/flows';
import { type Locale, pickLocale, registerMessages, translate } from '@tessera/i18n';
import { IdentityError } from '@tessera/identity';
import { ImportError } from '@tessera/importer';
import { localizeIssues, MetaError } from '@tessera/meta';
import { localizeFieldIssues, RecordError } from '@tessera/records';
import { ReportError } from '@tessera/reports';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { drainRequestBody } from './body-drain';
import { databaseProblem } from './database-problem';
import { problemResponse } from './route-schemas';
import { sendIfDatabaseUnavailable, sendIfWriteConflict } from './unavailable';

registerMessages({
  'request.invalid': { 'zh-CN': '请求有 {count} 处错误', en: 'The request has {count} error(s)' },
  'request.malformed_json': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { 'zh-CN': '请求体过大（上限 {limit} 字节）', en: 'The request body is too large (limit {limit} bytes)' },
  'request.unsupported_media_type': { 'zh-CN': '只接受 application/json 请求体', en: 'Only application/json request bodies are accepted' },
  'request.uri_too_long': { 'zh-CN': '请求地址过长', en: 'The request URI is too long' },
  'request.bad_url': { 'zh-CN': '请求地址含有无效的编码', en: 'The request URI is not validly encoded' },
  'request.not_found': { 'zh-CN': '没有这个接口：{method} {url}', en: 'No such endpoint: {method} {url}' },
  'request.rule': { 'zh-CN': '“{field}”不符合规则“{rule}”{detail}', en: '"{field}" does not satisfy rule "{rule}"{detail}' },
  'server.error': { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },
});

export interface ProblemError {
  pointer: string;
  field?: string | undefined;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string | undefined;
  errors?: ProblemError[] | undefined;
  [extra: string]: unknown;
}

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

/** RFC 9457 problem details: a stable code, a title in the caller's language, per-field errors. */
export function problem(
  locale: Locale,
  status: number,
  code: string,
  params: Record<string, string | number | boolean | null | undefined> = {},
  errors?: ProblemError[],
): Problem {
  return { type: `https://tessera.dev/problems/${code}`, title: translate(locale, code, params), status, code, ...(errors?.length ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

function validationProblem(locale: Locale, error: FastifyError): Problem {
  const errors = (error.validation ?? []).map((v): ProblemError => {
    const params = v.params as Record<string, unknown>;
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    const pointer = `/${error.validationContext ?? 'body'}${v.instancePath}${missing}${extra}`;
    const field = pointer.split('/').filter(Boolean).slice(1).join('.') || String(error.validationContext ?? 'body');
    return {
      pointer,
      field,
      code: `request.${v.keyword}`,
      message: translate(locale, 'request.rule', { field, rule: v.keyword, detail: v.message ? ` (${v.message})` : '' }),
    };
  });
  return problem(locale, 400, 'request.invalid', { count: errors.length }, errors);
}

/**
 * The router's own refusals (a path segment that is not valid UTF-8, or longer than the router
 * takes), answered before any route or error handler runs: passed to Fastify as `frameworkErrors`.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem(locale, 414, 'request.uri_too_long'));
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem(locale, 400, 'request.bad_url'));
  return sendProblem(reply, problem(locale, error.statusCode && error.statusCode < 500 ? error.statusCode : 400, 'request.invalid', { count: 1 }));
}

/** Every error leaves as problem+json; a 5xx never leaks internals, and is logged. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof MetaError) {
      const errors = localizeIssues(error.issues, locale).map((i) => ({ pointer: i.pointer, code: i.code, message: i.message }));
      const body = problem(locale, error.status, error.code, error.params, errors);
      if (error.code !== 'meta.invalid') body.detail = body.title;
      return sendProblem(reply, body);
    }
    if (error instanceof IdentityError) {
      if (error.code === 'auth.rate_limited') reply.header('retry-after', String(error.params.seconds));
      return sendProblem(reply, problem(locale, error.status, error.code, error.params));
    }
    if (error instanceof ImportError) return sendProblem(reply, problem(locale, error.status, error.code, error.params));
    if (error instanceof FlowError) return sendProblem(reply, problem(locale, error.status, error.code, error.params));
    if (error instanceof ReportError) {
      const errors = localizeIssues(error.issues, locale).map((i) => ({ pointer: i.pointer, code: i.code, message: i.message }));
      return sendProblem(reply, problem(locale, error.status, error.code, error.params, errors));
    }
    if (error instanceof RecordError)
      return sendProblem(reply, problem(locale, error.status, error.code, error.params, localizeFieldIssues(error.issues, locale)));
    if (error.validation) return sendProblem(reply, validationProblem(locale, error));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      await drainRequestBody(request.raw);
      return sendProblem(reply, problem(locale, 413, 'request.too_large', { limit: app.initialConfig.bodyLimit ?? 0 }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      await drainRequestBody(request.raw);
      return sendProblem(reply, problem(locale, 415, 'request.unsupported_media_type'));
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(reply, problem(locale, 400, 'request.malformed_json'));
    }
    if (error.statusCode && error.statusCode < 500) return sendProblem(reply, problem(locale, error.statusCode, 'request.invalid', { count: 1 }));
    const unavailable = sendIfDatabaseUnavailable(error, request, reply);
    if (unavailable) return unavailable;
    const conflict = sendIfWriteConflict(error, request, reply);
    if (conflict) return conflict;
    const refused = databaseProblem(locale, error);
    if (refused) {
      request.log.warn({ err: error }, 'PostgreSQL refused a value the checks let through');
      return sendProblem(reply, refused);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(locale, 500, 'server.error'));
  });
  // Every API route documents its errors, and a 4xx or 5xx it sends is serialized as declared here.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const response: Record<string, unknown> = { ...(route.schema?.response as Record<string, unknown> | undefined) };
    route.schema = { ...route.schema, response: { ...response, '4xx': response['4xx'] ?? problemResponse, '5xx': response['5xx'] ?? problemResponse } };
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(localeOf(request), 404, 'request.not_found', { method: request.method, url: request.url.split('?')[0] })),
  );
}
