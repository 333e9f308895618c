import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fullAccess, type AccessPolicy } from '@tessera/access';

declare module 'fastify' {
  interface FastifyRequest {
    access: AccessPolicy;
  }
}

/**
 * Every request carries the access policy of whoever is asking. Until sign-in exists
 * (users, roles and sessions come with the access issue), each request acts as the built-in
 * administrator; the records API already asks this policy for every read and write, so
 * plugging in real policies changes this hook only.
 */
export function registerRequestAccess(app: FastifyInstance, resolve: (request: FastifyRequest) => AccessPolicy = () => fullAccess({ userId: null, departmentId: null })): void {
  app.decorateRequest('access', null as unknown as AccessPolicy);
  app.addHook('onRequest', async (request) => {
    request.access = resolve(request);
  });
}
