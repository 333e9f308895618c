import closeWithGrace from 'close-with-grace';

/**
 * Requests to stop that may reach the server more than once for ONE stop: a SIGTERM sent to the
 * whole process group (systemd's default, `kill -TERM -<pgid>`) arrives directly and again through
 * `scripts/start.mjs`, which passes a stop sent to it alone on to the server; closing the terminal
 * sends SIGHUP to the group and start.mjs passes it on as SIGTERM. Treating the repeat as "stop
 * now" cut a clean close short (exit 1, pnpm's ELIFECYCLE), so a repeat of these is ignored: a
 * supervisor that loses patience sends SIGKILL, not another SIGTERM.
 */
const STOP_REQUESTS = ['SIGTERM', 'SIGHUP'] as const;

/** How long a clean close may take before the process exits anyway (exit 1). */
const CLOSE_DELAY_MS = 10_000;

/**
 * Closes the server once, on the first stop request, SIGINT or fatal error, and exits 0 after a
 * clean close. A second SIGINT (a person pressing Ctrl-C again while it closes) or a second fatal
 * error still exits at once with 1, as close-with-grace does.
 */
export function closeOnStop(close: (error: Error | undefined) => Promise<void>): void {
  let closing = false;
  const closer = closeWithGrace({ delay: CLOSE_DELAY_MS, skip: [...STOP_REQUESTS] }, async ({ err }) => {
    closing = true;
    await close(err);
  });
  for (const signal of STOP_REQUESTS) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      void closer.close();
    });
  }
}
