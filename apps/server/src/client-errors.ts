import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { pickLocale, registerMessages } from '@tessera/i18n';
import { problem } from './problem';

registerMessages({
  'request.malformed': { 'zh-CN': '请求不是有效的 HTTP 请求', en: 'The request is not valid HTTP' },
  'request.timeout': { 'zh-CN': '请求未能及时完整送达', en: 'The request did not arrive in full in time' },
  'request.headers_too_large': { 'zh-CN': '请求头过大', en: 'The request headers are too large' },
  'request.chunk_extensions_too_large': { 'zh-CN': '分块扩展过大', en: 'The chunk extensions of the request are too large' },
});

/** What Node's HTTP parser hands to 'clientError': its code, and the bytes it was reading (`rawPacket`, a Buffer when there are any). */
type ClientError = Error & { code?: string };

function rawPacketOf(error: ClientError): Buffer | undefined {
  const raw = (error as { rawPacket?: unknown }).rawPacket;
  return Buffer.isBuffer(raw) ? raw : undefined;
}

/** How long the rest of a refused request is read and dropped before the connection is cut. */
const DRAIN_MS = 5_000;

/** Sockets already answered: Node's parser may report the same broken request again. */
const answered = new WeakSet<Socket>();

/**
 * Node's limit covers the request line and the headers together: when the request line alone
 * reaches it (or is still unfinished when the limit hit), the URI is what is too long.
 */
function requestLineTooLong(raw: Buffer | undefined): boolean {
  const text = raw?.toString('latin1') ?? '';
  const end = text.indexOf('\r\n');
  return /^[A-Z]+ /.test(text) && (end === -1 || end >= maxHeaderSize);
}

function statusOf(error: ClientError): { status: number; code: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADER_TIMEOUT') return { status: 408, code: 'request.timeout' };
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { status: 413, code: 'request.chunk_extensions_too_large' };
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return requestLineTooLong(rawPacketOf(error)) ? { status: 414, code: 'request.uri_too_long' } : { status: 431, code: 'request.headers_too_large' };
  }
  return { status: 400, code: 'request.malformed' };
}

/** The Accept-Language header among the raw bytes, when the parser got that far. */
function acceptLanguageOf(raw: Buffer | undefined): string | undefined {
  return raw
    ?.toString('latin1')
    .match(/\r\naccept-language:[ \t]*([^\r\n]{0,200})/i)?.[1]
    ?.trim();
}

/**
 * Node's own refusals, before any route or Fastify hook runs (a request line or headers over
 * Node's limit, broken HTTP, a request that did not arrive in time), answered as problem+json in
 * the caller's language like every other answer. Passed to Fastify as `clientErrorHandler`.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // As Node does: no answer of ours in the middle of a response already under way on this socket.
  const inFlight = (socket as Socket & { _httpMessage?: { _headerSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?._headerSent) {
    socket.destroy();
    return;
  }
  const { status, code } = statusOf(error);
  const body = JSON.stringify(problem(pickLocale(acceptLanguageOf(rawPacketOf(error))), status, code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // Closing with bytes of the request still unread makes the kernel send a reset, which can take
  // the answer with it on the client's side (see body-drain.ts): read and drop the rest a while.
  socket.resume();
  socket.setTimeout(DRAIN_MS, () => socket.destroy());
}
