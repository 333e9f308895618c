import type { RecordService, SavedComment } from '@tessera/records';
import type { FastifyRequest } from 'fastify';
import { policyFor, requireUser } from '../authentication';
import { notifyMentions } from '../mention-notifications';
import { created, dateTime, noContent, nullableString, type RoutePlugin, recordParams, uuid } from '../route-schemas';

const tags = ['records'];

/** Comments on a record: read and written by whoever may read it, edited and removed by their author. */
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
              },
              required: ['id', 'authorId', 'body', 'mentions', 'createdAt'],
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
  ): Promise<string> =>
    records.transaction(async (inside, tx) => {
      const saved = await save(inside);
      const { userId, name } = requireUser(request);
      await notifyMentions(inside, tx, { ...where, commentId: saved.id, author: { userId, name }, mentioned: saved.newMentions });
      return saved.id;
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
      const id = await savedComment(request, { appId, objectId, recordId }, (inside) =>
        inside.comments.add(appId, objectId, policyFor(request, appId), recordId, input),
      );
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    `${base}/:recordId/comments/:commentId`,
    {
      schema: {
        tags,
        summary: 'Rewrite one of my comments; only people it did not mention before are told',
        params: commentParams,
        body: commentBody,
        response: { 200: created },
      },
    },
    async (request) => {
      const { appId, objectId, recordId, commentId } = request.params;
      const input = { body: request.body.body, mentions: request.body.mentions ?? [] };
      const id = await savedComment(request, { appId, objectId, recordId }, (inside) =>
        inside.comments.edit(appId, objectId, policyFor(request, appId), recordId, commentId, input),
      );
      return { id };
    },
  );

  app.delete(
    `${base}/:recordId/comments/:commentId`,
    {
      schema: {
        tags,
        summary: 'Remove one of my comments',
        params: commentParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const { appId, objectId, recordId, commentId } = request.params;
      await records.comments.remove(appId, objectId, policyFor(request, appId), recordId, commentId);
      return reply.status(204).send(null);
    },
  );
};
