import { registerMessages, translate } from '@tessera/i18n';
import { unstorableText } from '@tessera/records';
import type { FastifyInstance } from 'fastify';
import { localeOf, type ProblemError, problem, sendProblem } from './problem';

/**
 * No request carries text PostgreSQL cannot store: a NUL character (refused in text and jsonb)
 * or a lone UTF-16 surrogate (refused in jsonb, silently replaced in text). Checked once, before
 * validation, for every route: body, query and path, keys included.
 */
registerMessages({
  'request.nul_character': {
    'zh-CN': '“{field}”含有 NUL 字符（\\u0000），不能保存',
    en: '"{field}" contains a NUL character (\\u0000), which cannot be stored',
  },
  'request.lone_surrogate': {
    'zh-CN': '“{field}”含有不成对的 UTF-16 代理字符，不是有效的文本',
    en: '"{field}" contains a lone UTF-16 surrogate, which is not valid text',
  },
});

type Rule = 'request.nul_character' | 'request.lone_surrogate';
/** Where a value sits: its parent's place and its key. The pointer text is built only for a value that breaks a rule — this runs on every request. */
type Place = { parent: Place | null; key: string };

const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
function pointerOf(place: Place): string {
  const keys: string[] = [];
  for (let at: Place | null = place; at; at = at.parent) keys.push(at.parent ? escapeKey(at.key) : at.key);
  return keys.reverse().join('/');
}

/** Every string in `value` (keys too) that breaks a rule, with its JSON pointer; walked without recursion, so depth cannot overflow the stack. */
export function textIssues(value: unknown, root: string): { pointer: string; rule: Rule }[] {
  const issues: { pointer: string; rule: Rule }[] = [];
  const pending: [unknown, Place][] = [[value, { parent: null, key: root }]];
  while (pending.length && issues.length < 20) {
    const [current, place] = pending.pop()!;
    if (typeof current === 'string') {
      const rule = unstorableText(current);
      if (rule) issues.push({ pointer: pointerOf(place), rule });
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPlace = { parent: place, key };
        const rule = unstorableText(key);
        if (rule) issues.push({ pointer: pointerOf(childPlace), rule });
        pending.push([child, childPlace]);
      }
    }
  }
  return issues;
}

export function registerTextChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const issues = [...textIssues(request.params, '/params'), ...textIssues(request.query, '/query'), ...textIssues(request.body, '/body')];
    if (!issues.length) return;
    const locale = localeOf(request);
    const errors = issues.map(({ pointer, rule }): ProblemError => {
      const field = pointer.split('/').filter(Boolean).slice(1).join('.') || pointer.slice(1);
      return { pointer, field, code: rule, message: translate(locale, rule, { field }) };
    });
    return sendProblem(reply, problem(locale, 400, 'request.invalid', { count: errors.length }, errors));
  });
}
