import { appendAudit } from '@tessera/identity';
import type { RecordService, SavedComment } from '@tessera/records';
import type { FastifyRequest } from 'fastify';
import { policyFor, requireUser } from '../authentication';
import { notifyMentions } from '../mention-notifications';
import { created, dateTime, noContent, nullableString, type RoutePlugin, recordParams, uuid, versionNumber } from '../route-schemas';

const tags = ['records'];

/**
 * Comments on a record: read and written by whoever may read it, edited by their author, removed
 * by their author or an administrator (audited).
 */
export const commentRoutes: RoutePlugin<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/records';

  app.get(
    `${base}/:recordId/comments`,
    {
      schema: {
        tags,
        summary: 'Comments on a record, oldest first',
        params: recordParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: uuid,
                authorId: nullableString,
                body: { type: 'string', description: 'Sanitized rich text (HTML)' },
                mentions: { type: 'array', items: { type: 'string' } },
                createdAt: dateTime,
                editedAt: { anyOf: [dateTime, { type: 'null' }], description: 'When its author last rewrote it' },
                version: { type: 'integer', description: '1 when written, +1 per edit; name it when editing' },
                deleted: { type: 'boolean', description: 'Removed: listed in its place without its text' },
              },
              required: ['id', 'authorId', 'body', 'mentions', 'createdAt', 'editedAt', 'version', 'deleted'],
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => records.comments.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId),
  );

  const commentBody = {
    type: 'object',
    properties: { body: { type: 'string', minLength: 1, maxLength: 20_000 }, mentions: { type: 'array', items: uuid, maxItems: 50 } },
    required: ['body'],
    additionalProperties: false,
  } as const;
  const commentEdit = {
    ...commentBody,
    properties: {
      ...commentBody.properties,
      version: { ...versionNumber, description: 'The version the edit started from; refused with 409 if it has changed since' },
    },
  } as const;
  const savedAnswer = {
    type: 'object',
    properties: { id: uuid, version: { type: 'integer' } },
    required: ['id', 'version'],
    additionalProperties: false,
  } as const;
  const commentParams = {
    type: 'object',
    properties: { ...recordParams.properties, commentId: uuid },
    required: ['appId', 'objectId', 'recordId', 'commentId'],
  } as const;
  /** A comment saved and the people it newly mentions told (those who may read the record), in one transaction. */
  const savedComment = (
    request: FastifyRequest,
    where: { appId: string; objectId: string; recordId: string },
    save: (inside: RecordService) => Promise<SavedComment>,
  ): Promise<SavedComment> =>
    records.transaction(async (inside, tx) => {
      const saved = await save(inside);
      const { userId, name } = requireUser(request);
      await notifyMentions(inside, tx, { ...where, commentId: saved.id, author: { userId, name }, mentioned: saved.newMentions });
      return saved;
    });

  app.post(
    `${base}/:recordId/comments`,
    {
      schema: {
        tags,
        summary: 'Comment on a record you may read, mentioning people (each told in the bell if they may read the record)',
        params: recordParams,
        body: commentBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { appId, objectId, recordId } = request.params;
      const input = { body: request.body.body, mentions: request.body.mentions ?? [] };
      const saved = await savedComment(request, { appId, objectId, recordId }, (inside) =>
        inside.comments.add(appId, objectId, policyFor(request, appId), recordId, input),
      );
      return reply.status(201).send({ id: saved.id });
    },
  );

  app.patch(
    `${base}/:recordId/comments/:commentId`,
    {
      schema: {
        tags,
        summary: 'Rewrite one of my comments (403 for anyone else’s); only people it did not mention before are told',
        params: commentParams,
        body: commentEdit,
        response: { 200: savedAnswer },
      },
    },
    async (request) => {
      const { appId, objectId, recordId, commentId } = request.params;
      const input = { body: request.body.body, mentions: request.body.mentions ?? [], version: request.body.version };
      const saved = await savedComment(request, { appId, objectId, recordId }, (inside) =>
        inside.comments.edit(appId, objectId, policyFor(request, appId), recordId, commentId, input),
      );
      return { id: saved.id, version: saved.version };
    },
  );

  app.delete(
    `${base}/:recordId/comments/:commentId`,
    {
      schema: {
        tags,
        summary: 'Remove a comment of mine, or any as an administrator (kept as a placeholder, audited)',
        params: commentParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { appId, objectId, recordId, commentId } = request.params;
      const user = requireUser(request);
      await records.transaction(async (inside, tx) => {
        const removed = await inside.comments.remove(appId, objectId, policyFor(request, appId), recordId, commentId, user.isAdmin);
        await appendAudit(tx, {
          action: 'comment.delete',
          actorId: user.userId,
          appId,
          objectId,
          recordId,
          ip: request.ip,
          detail: { commentId, authorId: removed.authorId },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
