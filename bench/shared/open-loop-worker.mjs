// An open-loop load generator, run in a worker thread (plain JavaScript, so it needs no loader).
//
// Requests are due at a constant rate, one every 1000/rate ms, whatever the answers' latency, and
// each latency is measured from when its request was due — not from when a free connection let
// it go — so a server that falls behind shows it (no coordinated omission). autocannon's
// `overallRate` sends each connection's share of a second in a burst at the start of the second,
// which measures the burst, not the server.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, bodies, rate, seconds, connections } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let ok = 0;
let non2xx = 0;
let errors = 0;
let sent = 0;
let inFlight = 0;

function send(due) {
  const body = bodies[sent % bodies.length];
  sent += 1;
  inFlight += 1;
  const request = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    },
    (response) => {
      response.resume();
      response.on('end', () => {
        inFlight -= 1;
        latencies.push(performance.now() - due);
        if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
        else non2xx += 1;
      });
    },
  );
  request.on('error', () => {
    inFlight -= 1;
    errors += 1;
  });
  request.end(body);
}

const start = performance.now();
const end = start + seconds * 1000;
const interval = 1000 / rate;

await new Promise((resolve) => {
  const tick = () => {
    const now = Math.min(performance.now(), end);
    // Everything due by now goes out now, each with the time it was due.
    while (start + sent * interval <= now) send(start + sent * interval);
    if (now >= end) resolve();
    else setTimeout(tick, 1);
  };
  tick();
});
const drainedBy = performance.now() + 30_000;
while (inFlight > 0 && performance.now() < drainedBy) await new Promise((resolve) => setTimeout(resolve, 10));

latencies.sort((a, b) => a - b);
const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : 0);
agent.destroy();
parentPort.postMessage({ seconds, sent, ok, non2xx, errors, timeouts: inFlight, rps: ok / seconds, p50: at(0.5), p99: at(0.99) });
