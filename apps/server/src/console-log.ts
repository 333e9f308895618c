import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';
import type { RequestLogOptions } from './request-log';

export interface ConsoleLog {
  logger: FastifyServerOptions['logger'];
  requestLog: RequestLogOptions;
}

/**
 * The log as its reader needs it. On a terminal a person reads it, and the URL and sign-ins the
 * start prints must stay in view: short lines (time, level, message), and requests only when they
 * fail or are slow (LOG_LEVEL=debug shows all). Elsewhere (a file, a log collector) one JSON line
 * per event, every request included. LOG_LEVEL sets the level in both.
 */
export function consoleLog(env: NodeJS.ProcessEnv, terminal: boolean): ConsoleLog {
  const level = env.LOG_LEVEL ?? 'info';
  // Through process.stdout itself, as the banner is, so the startup log lands before it (pino's own
  // writer to the same descriptor may flush after it).
  if (!terminal) return { logger: { level, stream: process.stdout }, requestLog: { ordinaryLevel: 'info' } };
  const stream = pretty({
    colorize: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    ignore: 'pid,hostname,reqId,method,url,status,ms',
  });
  return { logger: { level, stream }, requestLog: { ordinaryLevel: 'debug' } };
}
