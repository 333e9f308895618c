import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

/**
 * Test-only: a TCP proxy between the server and PostgreSQL, to fail the network as a PostgreSQL
 * restart or a failover does — without touching the PostgreSQL that other test files share.
 * `hold` stops passing PostgreSQL's answers on (statements sent now stay in flight), `cut` drops
 * every connection and refuses new ones, `restore` accepts again on the same port.
 */
export interface TcpProxy {
  port: number;
  /** Bytes the server has sent towards PostgreSQL since the last `hold` (a statement on its way). */
  sentSinceHold(): number;
  hold(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let holding = false;
  let sent = 0;
  let server: Server;
  let port = 0;

  const accept = (client: Socket) => {
    const upstream = tcpConnect(target);
    const pair = { client, upstream };
    pairs.add(pair);
    if (holding) upstream.pause();
    client.on('data', (chunk) => {
      sent += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', drop);
      socket.on('close', drop);
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(accept);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  await listen();
  return {
    get port() {
      return port;
    },
    sentSinceHold: () => sent,
    hold() {
      holding = true;
      sent = 0;
      for (const { upstream } of pairs) upstream.pause();
    },
    async cut() {
      const closing = stopListening();
      // A reset, as a PostgreSQL that went away mid-conversation leaves it.
      for (const { client, upstream } of [...pairs]) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      await closing;
    },
    async restore() {
      holding = false;
      await listen();
    },
    async close() {
      for (const { client, upstream } of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      if (server.listening) await stopListening();
    },
  };
}
