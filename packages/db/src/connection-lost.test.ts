import { describe, expect, it } from 'vitest';
import { isConnectionLost, isNoConnectionInTime } from './connection-lost';

describe('isConnectionLost', () => {
  it('knows the ways node-postgres and PostgreSQL report a lost connection', () => {
    for (const error of [
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('import failed', { cause: Object.assign(new Error('socket'), { code: 'EPIPE' }) }),
    ])
      expect(isConnectionLost(error), error.message).toBe(true);
  });

  it('leaves every other error alone: bad data, constraints, a query cancelled, our own bugs', () => {
    for (const error of [
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      Object.assign(new Error('invalid input syntax for type numeric'), { code: '22P02' }),
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      new TypeError('Cannot read properties of undefined'),
      'Connection terminated',
      null,
    ])
      expect(isConnectionLost(error), String(error)).toBe(false);
  });

  it('tells the pool’s “no connection in time” (busy or unreachable) from a connection that broke', () => {
    expect(isNoConnectionInTime(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isNoConnectionInTime(new Error('query failed', { cause: new Error('timeout exceeded when trying to connect') }))).toBe(true);
    expect(isNoConnectionInTime(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(isNoConnectionInTime(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
  });
});
