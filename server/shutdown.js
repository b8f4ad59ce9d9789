// SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (up to
// SHUTDOWN_TIMEOUT_MS), close the database so SQLite folds its WAL back, then exit. Whatever still
// holds the process a few seconds after that (a transaction that never ends, a job that does not
// return, a database close that hangs) is not waited for: a service manager's stop must end.
export const FORCE_EXIT_AFTER_MS = 5_000;

// `exit` is process.exit; a test passes its own.
export function closeGracefully(server, { logger, closeDatabase, timeoutMs = 10_000, exit = (code) => void process.exit(code) }) {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    let timedOut = false;
    const done = (code) => {
      clearTimeout(timer);
      clearTimeout(deadline);
      clearInterval(sweep);
      logger.flush?.();
      exit(code);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      logger.warn({ timeoutMs }, "requests still running at the shutdown timeout; closing them");
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    const deadline = setTimeout(() => {
      logger.error({ ms: timeoutMs + FORCE_EXIT_AFTER_MS }, "still not stopped after the shutdown timeout; exiting now");
      done(1);
    }, timeoutMs + FORCE_EXIT_AFTER_MS);
    deadline.unref();
    // Keep-alive connections hold the close open: drop each one as soon as it has nothing in flight.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(async (error) => {
      let code = error || timedOut ? 1 : 0;
      try {
        await closeDatabase();
      } catch (e) {
        logger.error({ err: e }, "closing the database failed");
        code = 1;
      }
      logger.info("stopped");
      done(code);
    });
  };
}
