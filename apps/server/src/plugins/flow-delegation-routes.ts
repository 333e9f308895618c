import type { Database } from '@tessera/db';
import { createDelegation, type DirectoryCache, delegationStore, endDelegation, FlowError, type FlowService } from '@tessera/flows';
import { requireUser } from '../authentication';
import { dateTime, identifier, idParams, noContent, type RoutePlugin, uuid } from '../route-schemas';

const tags = ['flows'];
const delegation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: uuid,
    userId: uuid,
    delegateId: uuid,
    startsAt: dateTime,
    endsAt: dateTime,
    appId: { type: ['string', 'null'] },
    flowIds: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] },
  },
  required: ['id', 'userId', 'delegateId', 'startsAt', 'endsAt', 'appId', 'flowIds'],
} as const;

/**
 * Out of office: a person hands the approvals that reach them in a period to a colleague — in
 * every app, one app, or some of its flows. Administrators may set one up for anyone.
 */
interface DelegationRouteOptions {
  database: Database;
  directory: DirectoryCache;
  flows: FlowService;
  /** After a commit that handed tasks over: their notifications and timers are jobs to run. */
  committed: () => void;
}

export const flowDelegationRoutes: RoutePlugin<DelegationRouteOptions> = async (app, { database, directory, flows, committed }) => {
  const store = delegationStore(database.db);

  app.get(
    '/api/flows/delegations',
    {
      schema: {
        tags,
        summary: 'My out-of-office delegations not over yet, and those that make me the delegate',
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            properties: { mine: { type: 'array', items: delegation }, forOthers: { type: 'array', items: delegation } },
            required: ['mine', 'forOthers'],
          },
        },
      },
    },
    async (request) => store.list(requireUser(request).userId),
  );

  app.post(
    '/api/flows/delegations',
    {
      schema: {
        tags,
        summary: 'Hand my approvals to a colleague for a period (administrators: anyone’s, with `userId`)',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['delegateId', 'startsAt', 'endsAt'],
          properties: {
            delegateId: uuid,
            startsAt: dateTime,
            endsAt: dateTime,
            appId: identifier,
            flowIds: { type: 'array', items: identifier, minItems: 1, maxItems: 50, uniqueItems: true },
            userId: uuid,
            // Also the approvals already waiting for them (at once, or when the delegation starts); default on.
            handOverPending: { type: 'boolean', default: true },
          },
        },
        response: {
          201: {
            ...delegation,
            properties: { ...delegation.properties, handedOver: { type: 'integer', minimum: 0 } },
            required: [...delegation.required, 'handedOver'],
          },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      if (body.userId && body.userId !== user.userId && !user.isAdmin) throw new FlowError('flow.forbidden');
      if (body.flowIds && !body.appId) throw new FlowError('flow.delegation_scope');
      const { delegation: created, handedOver } = await createDelegation(database.db, flows, {
        userId: body.userId ?? user.userId,
        delegateId: body.delegateId,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        appId: body.appId,
        flowIds: body.flowIds,
        createdBy: user.userId,
        handOver: body.handOverPending ?? true,
      });
      // The next approval this process routes sees it at once; other processes hear the trigger's NOTIFY.
      directory.clear();
      committed();
      return reply.status(201).send({ ...created, handedOver });
    },
  );

  app.delete(
    '/api/flows/delegations/:id',
    {
      schema: {
        tags,
        summary: 'End a delegation now (its owner, or an administrator); approvals it handed over stay with the delegate',
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await endDelegation(database.db, request.params.id, user.userId, user.isAdmin);
      directory.clear();
      return reply.status(204).send(null);
    },
  );
};
