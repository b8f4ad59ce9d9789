// Scheduled work in the server process (the notifications issue replaces this with a job runner
// that holds a lease in the database): the task runs once at start, then every `intervalMs`; a run
// never overlaps the one before; a failure is logged and the next run tries again. Returns `started`
// (the first run, done or failed) and `stop`, which ends the schedule and waits for a run in flight
// (so the database can close after it).
export function every(intervalMs, task, { logger, name }) {
  let running = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return running;
    running = (async () => {
      try {
        const done = await task();
        if (done) logger.info({ job: name, done }, "scheduled job");
      } catch (err) {
        logger.error({ err, job: name }, "scheduled job failed");
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const started = run();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
  return { started, stop };
}
