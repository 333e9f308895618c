import type { Database } from '@tessera/db';
import {
  appendAudit,
  createDepartment,
  createUser,
  deleteDepartment,
  listDepartments,
  listUsers,
  queryAudit,
  setActive,
  setRoles,
  updateDepartment,
  updateUser,
} from '@tessera/identity';
import { createMetadataStore, MetaError } from '@tessera/meta';
import type { LiveAppCache, RecordService } from '@tessera/records';
import { labelAuditLines } from '../audit-labels';
import { requireAdmin } from '../authentication';
import { created, dateTime, identifier, idParams, noContent, nullableString, nullableUuid, type RoutePlugin, uuid } from '../route-schemas';

const tags = ['admin'];
const roles = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'appId → role ids' } as const;
const user = {
  type: 'object',
  properties: {
    id: uuid,
    email: { type: 'string' },
    name: { type: 'string' },
    departmentId: nullableString,
    isAdmin: { type: 'boolean' },
    active: { type: 'boolean' },
    roles,
  },
  required: ['id', 'email', 'name', 'departmentId', 'isAdmin', 'active', 'roles'],
  additionalProperties: false,
} as const;
const department = {
  type: 'object',
  properties: { id: uuid, name: { type: 'string' }, parentId: nullableString, headUserId: nullableString },
  required: ['id', 'name', 'parentId', 'headUserId'],
  additionalProperties: false,
} as const;
/** A line of the audit log, or a record change from the record history. */
const auditLine = {
  type: 'object',
  properties: {
    at: dateTime,
    actorId: nullableString,
    action: { type: 'string' },
    subject: nullableString,
    appId: nullableString,
    objectId: nullableString,
    recordId: nullableString,
    ip: nullableString,
    detail: { type: 'object', additionalProperties: true, description: "What the action's line keeps; a record change: its version and changes" },
    objectLabel: { type: ['object', 'null'], additionalProperties: { type: 'string' }, description: "The object's label by language, from the live app" },
    recordTitle: { ...nullableString, description: "The record's title, when the reader may read it" },
  },
  required: ['at', 'actorId', 'action', 'subject', 'appId', 'objectId', 'recordId', 'ip', 'detail'],
  additionalProperties: false,
} as const;

/** Users, departments, role assignments and the audit log: administrators only, every change audited. */
export const adminRoutes: RoutePlugin<{ database: Database; records: RecordService; liveApps: LiveAppCache }> = async (
  app,
  { database, records, liveApps },
) => {
  const db = database.db;
  const store = createMetadataStore(db);
  app.addHook('onRequest', async (request) => {
    requireAdmin(request);
  });
  const audit = (actorId: string, action: string, subject: string, detail: Record<string, unknown>, ip: string) =>
    appendAudit(db, { actorId, action, subject, detail, ip });

  app.get(
    '/api/admin/users',
    { schema: { tags, summary: 'All users with their roles per app', response: { 200: { type: 'array', items: user } } } },
    async () => listUsers(db),
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a user',
        body: {
          type: 'object',
          properties: {
            email: { type: 'string', format: 'email', maxLength: 320 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', maxLength: 1000 },
            departmentId: nullableUuid,
            isAdmin: { type: 'boolean' },
          },
          required: ['email', 'name', 'password'],
          additionalProperties: false,
        },
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const id = await createUser(db, request.body);
      await audit(request.user!.userId, 'user.create', id, { email: request.body.email, isAdmin: request.body.isAdmin ?? false }, request.ip);
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move between departments, grant or revoke admin, deactivate or reactivate',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            departmentId: nullableUuid,
            isAdmin: { type: 'boolean' },
            active: { type: 'boolean' },
          },
          additionalProperties: false,
          minProperties: 1,
        },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { active, ...changes } = request.body;
      if (Object.keys(changes).length) await updateUser(db, request.params.id, changes);
      if (active !== undefined) await setActive(db, request.params.id, active);
      await audit(request.user!.userId, active === false ? 'user.deactivate' : 'user.update', request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: "Set a user's roles in one app",
        params: idParams,
        body: {
          type: 'object',
          properties: { appId: identifier, roles: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 50 } },
          required: ['appId', 'roles'],
          additionalProperties: false,
        },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { appId, roles } = request.body;
      const known = new Set(((await store.getApp(appId)).draft.roles ?? []).map((r) => r.id));
      const unknown = roles.filter((r) => !known.has(r));
      if (unknown.length)
        throw new MetaError(
          'meta.invalid',
          422,
          unknown.map((id) => ({ pointer: `/roles/${roles.indexOf(id)}`, code: 'meta.unknown_node', params: { id } })),
          { count: unknown.length },
        );
      await setRoles(db, request.params.id, appId, roles);
      await audit(request.user!.userId, 'permission.assign_roles', request.params.id, { appId, roles }, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/departments',
    { schema: { tags, summary: 'The department tree, as a flat list with parents', response: { 200: { type: 'array', items: department } } } },
    async () => listDepartments(db),
  );

  app.post(
    '/api/admin/departments',
    {
      schema: {
        tags,
        summary: 'Create a department',
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, parentId: nullableUuid, headUserId: nullableUuid },
          required: ['name'],
          additionalProperties: false,
        },
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const id = await createDepartment(db, request.body);
      await audit(request.user!.userId, 'department.create', id, request.body, request.ip);
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/admin/departments/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or set the head of a department',
        params: idParams,
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, parentId: nullableUuid, headUserId: nullableUuid },
          additionalProperties: false,
          minProperties: 1,
        },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await updateDepartment(db, request.params.id, request.body);
      await audit(request.user!.userId, 'department.update', request.params.id, request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/admin/departments/:id',
    { schema: { tags, summary: 'Delete an empty department', params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await deleteDepartment(db, request.params.id);
      await audit(request.user!.userId, 'department.delete', request.params.id, {}, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags,
        summary: 'Audit log and record changes, newest first',
        querystring: {
          type: 'object',
          properties: {
            actorId: uuid,
            appId: { type: 'string', maxLength: 40 },
            objectId: { type: 'string', maxLength: 40 },
            action: { type: 'string', maxLength: 60 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: auditLine } },
      },
    },
    async (request) => labelAuditLines(await queryAudit(db, request.query), request, records, liveApps),
  );
};
