// WEB_CONCURRENCY=N: N web processes share the port (node's cluster hands connections round
// robin). Nothing is kept in one process's memory that another needs: sessions, throttles,
// check-in codes and job leases live in the database. SQLite takes one process only: its driver
// waits for a lock synchronously and a deferred transaction that meets another process's write
// fails at once, so several processes are for PostgreSQL (docs/decisions/0047).
import cluster from "node:cluster";

/** How many web processes to run: WEB_CONCURRENCY (default 1); more than one needs PostgreSQL. */
export function processCount(env) {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`WEB_CONCURRENCY must be a whole number ≥ 1, not "${raw}"`);
  const count = Number(raw);
  if (count > 1 && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "")) {
    throw new Error("WEB_CONCURRENCY > 1 needs DATABASE_URL=postgresql://…: a SQLite file serves one process");
  }
  return count;
}

// A worker that dies within this long of starting is restarted after a pause, not at once, so a
// worker that cannot start (a broken config) does not spin the machine.
const QUICK_DEATH_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;

/** The primary: forks `count` workers, replaces any that dies, and on SIGTERM/SIGINT stops them all gracefully. */
export function superviseWorkers(count, logger) {
  let stopping = false;
  let exitCode = 0;
  const startedAt = new Map();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      // a worker still starting has no handler yet: our SIGTERM ends it at once, which is a clean stop too
      if (code !== 0 && signal !== "SIGTERM") exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info("all workers stopped");
        logger.flush?.();
        process.exit(exitCode);
      }
      return;
    }
    logger.warn({ pid: worker.process.pid, code, signal, livedMs: lived }, "worker died; starting another");
    if (lived < QUICK_DEATH_MS) setTimeout(() => stopping || fork(), RESTART_PAUSE_MS);
    else fork();
  });

  // Each worker finishes its requests in flight and closes its database (server/shutdown.js).
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    logger.info({ signal, workers: workers.length }, "stopping workers");
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker.process.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
}
