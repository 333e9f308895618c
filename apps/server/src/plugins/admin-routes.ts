import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '@tessera/db';
import {
  appendAudit, createDepartment, createUser, deleteDepartment, listDepartments, listUsers, queryAudit, setActive, setRoles, updateDepartment, updateUser,
} from '@tessera/identity';
import { createMetadataStore, MetaError } from '@tessera/meta';
import { requireAdmin } from '../authentication';

const tags = ['admin'];
const uuid = { type: 'string', format: 'uuid' } as const;
const idParams = { type: 'object', properties: { id: uuid }, required: ['id'] } as const;
const nullableUuid = { anyOf: [uuid, { type: 'null' }] } as const;

/** Users, departments, role assignments and the audit log: administrators only, every change audited. */
export const adminRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  const db = database.db;
  const store = createMetadataStore(db);
  app.addHook('onRequest', async (request) => {
    requireAdmin(request);
  });
  const audit = (actorId: string, action: string, subject: string, detail: Record<string, unknown>, ip: string) => appendAudit(db, { actorId, action, subject, detail, ip });

  app.get('/api/admin/users', { schema: { tags, summary: 'All users with their roles per app' } }, async () => listUsers(db));

  app.post<{ Body: { email: string; name: string; password: string; departmentId?: string | null; isAdmin?: boolean } }>('/api/admin/users', {
    schema: {
      tags, summary: 'Create a user',
      body: { type: 'object', properties: { email: { type: 'string', format: 'email', maxLength: 320 }, name: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', maxLength: 1000 }, departmentId: nullableUuid, isAdmin: { type: 'boolean' } }, required: ['email', 'name', 'password'], additionalProperties: false },
    },
  }, async (request, reply) => {
    const id = await createUser(db, request.body);
    await audit(request.user!.userId, 'user.create', id, { email: request.body.email, isAdmin: request.body.isAdmin ?? false }, request.ip);
    return reply.status(201).send({ id });
  });

  app.patch<{ Params: { id: string }; Body: { name?: string; departmentId?: string | null; isAdmin?: boolean; active?: boolean } }>('/api/admin/users/:id', {
    schema: {
      tags, summary: 'Rename, move between departments, grant or revoke admin, deactivate or reactivate', params: idParams,
      body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, departmentId: nullableUuid, isAdmin: { type: 'boolean' }, active: { type: 'boolean' } }, additionalProperties: false, minProperties: 1 },
    },
  }, async (request, reply) => {
    const { active, ...changes } = request.body;
    if (Object.keys(changes).length) await updateUser(db, request.params.id, changes);
    if (active !== undefined) await setActive(db, request.params.id, active);
    await audit(request.user!.userId, active === false ? 'user.deactivate' : 'user.update', request.params.id, request.body, request.ip);
    return reply.status(204).send();
  });

  app.put<{ Params: { id: string }; Body: { appId: string; roles: string[] } }>('/api/admin/users/:id/roles', {
    schema: {
      tags, summary: "Set a user's roles in one app", params: idParams,
      body: { type: 'object', properties: { appId: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' }, roles: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 50 } }, required: ['appId', 'roles'], additionalProperties: false },
    },
  }, async (request, reply) => {
    const { appId, roles } = request.body;
    const known = new Set(((await store.getApp(appId)).draft.roles ?? []).map((r) => r.id));
    const unknown = roles.filter((r) => !known.has(r));
    if (unknown.length) throw new MetaError('meta.invalid', 422, unknown.map((id) => ({ pointer: `/roles/${roles.indexOf(id)}`, code: 'meta.unknown_node', params: { id } })), { count: unknown.length });
    await setRoles(db, request.params.id, appId, roles);
    await audit(request.user!.userId, 'permission.assign_roles', request.params.id, { appId, roles }, request.ip);
    return reply.status(204).send();
  });

  app.get('/api/admin/departments', { schema: { tags, summary: 'The department tree, as a flat list with parents' } }, async () => listDepartments(db));

  app.post<{ Body: { name: string; parentId?: string | null; headUserId?: string | null } }>('/api/admin/departments', {
    schema: { tags, summary: 'Create a department', body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, parentId: nullableUuid, headUserId: nullableUuid }, required: ['name'], additionalProperties: false } },
  }, async (request, reply) => {
    const id = await createDepartment(db, request.body);
    await audit(request.user!.userId, 'department.create', id, request.body, request.ip);
    return reply.status(201).send({ id });
  });

  app.patch<{ Params: { id: string }; Body: { name?: string; parentId?: string | null; headUserId?: string | null } }>('/api/admin/departments/:id', {
    schema: { tags, summary: 'Rename, move or set the head of a department', params: idParams, body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, parentId: nullableUuid, headUserId: nullableUuid }, additionalProperties: false, minProperties: 1 } },
  }, async (request, reply) => {
    await updateDepartment(db, request.params.id, request.body);
    await audit(request.user!.userId, 'department.update', request.params.id, request.body, request.ip);
    return reply.status(204).send();
  });

  app.delete<{ Params: { id: string } }>('/api/admin/departments/:id', { schema: { tags, summary: 'Delete an empty department', params: idParams } }, async (request, reply) => {
    await deleteDepartment(db, request.params.id);
    await audit(request.user!.userId, 'department.delete', request.params.id, {}, request.ip);
    return reply.status(204).send();
  });

  app.get<{ Querystring: { actorId?: string; appId?: string; objectId?: string; action?: string; from?: string; to?: string; limit?: number } }>('/api/admin/audit', {
    schema: {
      tags, summary: 'Audit log and record changes, newest first',
      querystring: {
        type: 'object',
        properties: { actorId: uuid, appId: { type: 'string', maxLength: 40 }, objectId: { type: 'string', maxLength: 40 }, action: { type: 'string', maxLength: 60 }, from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, limit: { type: 'integer', minimum: 1, maximum: 1000 } },
        additionalProperties: false,
      },
    },
  }, async (request) => queryAudit(db, request.query));
};
