import crypto from "node:crypto";
import os from "node:os";
import { now } from "~/appraisal/clock.server";
import { type Db, db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { type Job, firstRunAt, nextRunAt } from "./schedule";

/**
 * The job runner (docs/decisions/0037): each process runs one, over the same `JobLease` rows. A job
 * runs only in the process that holds its lease, taken with one conditional UPDATE (due, and held by
 * nobody or by a holder whose lease ran out), renewed while the run lasts and released with the
 * next run's time when it ends. So two processes never run the same job at once, each scheduled run
 * happens once, and a crashed holder's job is taken over when its lease expires.
 */
export type JobLogger = {
  info: (obj: Record<string, unknown>, msg: string) => void;
  error: (obj: Record<string, unknown>, msg: string) => void;
};

export type RunnerOptions = {
  jobs: readonly Job[];
  logger: JobLogger;
  /** the database (a second runner in a test opens its own client on the same file) */
  client?: () => Db;
  clock?: () => Date;
  holder?: string;
  /** how often the runner looks for due jobs; 0: only when `tick()` is called (tests) */
  tickMs?: number;
  /** how long a lease lasts without renewal: a crashed holder's jobs wait at most this long */
  leaseMs?: number;
};

export type Runner = {
  holder: string;
  /** the first look at the jobs (it also opens the database) */
  started: Promise<void>;
  /** looks for due jobs and starts those whose lease it takes; resolves when they are started */
  tick: () => Promise<void>;
  /** the runs started so far, finished */
  idle: () => Promise<void>;
  /** no new runs; waits for the runs in flight (so the database can close after them) */
  stop: () => Promise<void>;
};

const ERROR_LENGTH = 500;

export function startRunner({ jobs, logger, client = db, clock = now, holder = defaultHolder(), tickMs = 1000, leaseMs = 60_000 }: RunnerOptions): Runner {
  const names = jobs.map((job) => job.name);
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let ticking: Promise<void> | null = null;

  async function look() {
    const at = clock();
    const rows = await client().jobLease.findMany({ where: { name: { in: names } } });
    for (const job of jobs) {
      if (stopped || running.has(job.name)) continue;
      const row = rows.find((r) => r.name === job.name);
      if (!row) {
        await register(job, at);
        if ("dailyAt" in job) continue;
      } else if (row.holder !== null && row.leaseUntil !== null && row.leaseUntil >= at) continue;
      else if (row.nextRunAt > nextRunAt(job, at)) {
        // further away than one period: the schedule was shortened (or the clock went back), so it starts over
        await client().jobLease.updateMany({ where: { name: job.name, nextRunAt: row.nextRunAt }, data: { nextRunAt: firstRunAt(job, at) } });
        if ("dailyAt" in job) continue;
      } else if (row.nextRunAt > at) continue;
      if (!(await take(job.name, at))) continue;
      running.set(
        job.name,
        runHeld(job, at).finally(() => running.delete(job.name)),
      );
    }
  }

  async function register(job: Job, at: Date) {
    try {
      await client().jobLease.create({ data: { name: job.name, nextRunAt: firstRunAt(job, at) } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another process registered it first
    }
  }

  /** The one conditional UPDATE: true when this process now holds the job. */
  async function take(name: string, at: Date): Promise<boolean> {
    const { count } = await client().jobLease.updateMany({
      where: { name, nextRunAt: { lte: at }, OR: [{ holder: null }, { leaseUntil: null }, { leaseUntil: { lt: at } }] },
      data: { holder, leaseUntil: new Date(at.getTime() + leaseMs), lastStartedAt: at },
    });
    return count === 1;
  }

  async function runHeld(job: Job, at: Date) {
    const renewal = setInterval(() => {
      client()
        .jobLease.updateMany({ where: { name: job.name, holder }, data: { leaseUntil: new Date(clock().getTime() + leaseMs) } })
        .catch((err: unknown) => logger.error({ err, job: job.name }, "renewing a job's lease failed"));
    }, leaseMs / 3);
    renewal.unref?.();
    let result: string | null = null;
    let failure: string | null = null;
    try {
      const done = (await job.run(at)) ?? 0;
      result = String(done);
      if (done) logger.info({ job: job.name, done }, "scheduled job");
    } catch (err) {
      failure = (err instanceof Error ? err.message : String(err)).slice(0, ERROR_LENGTH);
      logger.error({ err, job: job.name }, "scheduled job failed");
    } finally {
      clearInterval(renewal);
    }
    try {
      await client().jobLease.updateMany({
        where: { name: job.name, holder },
        data: { holder: null, leaseUntil: null, lastFinishedAt: clock(), nextRunAt: nextRunAt(job, at), lastResult: result, lastError: failure },
      });
    } catch (err) {
      // the lease runs out by itself; the run is then repeated (every job is safe to run twice)
      logger.error({ err, job: job.name }, "releasing a job's lease failed");
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    ticking ??= look()
      .catch((err: unknown) => logger.error({ err }, "looking for due jobs failed"))
      .finally(() => (ticking = null));
    return ticking;
  }

  const timer = tickMs > 0 ? setInterval(tick, tickMs) : null;
  timer?.unref?.();
  const idle = async () => {
    await ticking;
    await Promise.all(running.values());
  };
  return {
    holder,
    started: tick(),
    tick,
    idle,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await idle();
    },
  };
}

function defaultHolder() {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
}
