import { describe, expect, it } from 'vitest';
import { localizeIssues } from './issue';
import { mapObject, salesApp } from './test-fixtures';
import { validateDocument } from './validate-document';

function issuesOf(document: unknown) {
  const verdict = validateDocument(document);
  return verdict.ok ? [] : verdict.issues;
}

describe('match rules in the app document', () => {
  it('accepts an exact rule and a company-name rule over fields of the object', () => {
    const app = mapObject(salesApp(), 'customer', (o) => ({
      ...o,
      matchRules: [
        { id: 'code', kind: 'exact', fields: ['code'] },
        { id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['code'], threshold: 0.92 },
      ],
    }));
    expect(issuesOf(app)).toEqual([]);
  });

  it('names the pointer of what a rule lacks or cannot compare, in zh-CN and en', () => {
    const app = mapObject(salesApp(), 'customer', (o) => ({
      ...o,
      matchRules: [
        { id: 'loose', kind: 'company_name', nameField: 'name' },
        { id: 'tiered', kind: 'exact', fields: ['tier', 'nope'] },
        { id: 'tiered', kind: 'exact', fields: ['code'] },
        { id: 'low', kind: 'company_name', nameField: 'name', contactFields: ['code'], threshold: 0.1 },
      ],
    })) as unknown;
    const issues = issuesOf(app);
    const codes = issues.map((i) => `${i.code}@${i.pointer}`);
    expect(codes).toEqual(expect.arrayContaining(['schema.required@/objects/0/matchRules/0', 'schema.minimum@/objects/0/matchRules/3/threshold']));
    const semantic = issuesOf(
      mapObject(salesApp(), 'customer', (o) => ({
        ...o,
        matchRules: [
          { id: 'tiered', kind: 'exact', fields: ['tier', 'nope'] },
          { id: 'tiered', kind: 'exact', fields: ['code'] },
        ],
      })),
    );
    expect(semantic.map((i) => `${i.code}@${i.pointer}`)).toEqual([
      'meta.match_field_type@/objects/0/matchRules/0/fields/0',
      'meta.unknown_field@/objects/0/matchRules/0/fields/1',
      'meta.duplicate_id@/objects/0/matchRules/1/id',
    ]);
    const [zh] = localizeIssues(semantic, 'zh-CN');
    const [en] = localizeIssues(semantic, 'en');
    expect(zh?.message).toContain('查重规则不能比较字段“tier”');
    expect(en?.message).toContain('A match rule cannot compare field "tier"');
  });
});
