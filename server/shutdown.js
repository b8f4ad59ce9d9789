// SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (up to
// SHUTDOWN_TIMEOUT_MS), close the database so SQLite folds its WAL back, then exit.
export function closeGracefully(server, { logger, closeDatabase, timeoutMs = 10_000 }) {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      logger.warn({ timeoutMs }, "requests still running at the shutdown timeout; closing them");
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    // Keep-alive connections hold the close open: drop each one as soon as it has nothing in flight.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(async (error) => {
      clearTimeout(timer);
      clearInterval(sweep);
      let code = error || timedOut ? 1 : 0;
      try {
        await closeDatabase();
      } catch (e) {
        logger.error({ err: e }, "closing the database failed");
        code = 1;
      }
      logger.info("stopped");
      logger.flush?.();
      process.exit(code);
    });
  };
}
