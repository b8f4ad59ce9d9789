import { afterEach, describe, expect, it } from "vitest";
import { type Db, createDb, db } from "~/db/db.server";
import { type Runner, startRunner } from "~/jobs/runner.server";
import type { Job } from "~/jobs/schedule";

/**
 * The job runner's lease (decision 0037), with two runners on one database file — each with its own
 * connection, as two server processes would have — and a clock the test moves.
 */
const quiet = { info: () => {}, error: () => {} };
const T0 = new Date("2026-12-02T03:00:00Z");

let clients: Db[] = [];
let runners: Runner[] = [];
afterEach(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await Promise.all(clients.map((c) => c.$disconnect()));
  runners = [];
  clients = [];
});

/** A second connection to this test's database file. */
function secondClient(): Db {
  const client = createDb(process.env.DATABASE_URL);
  clients.push(client);
  return client;
}

function runner(jobs: Job[], clock: { at: Date }, client: () => Db, opts: { leaseMs?: number } = {}) {
  const r = startRunner({ jobs, logger: quiet, client, clock: () => clock.at, tickMs: 0, ...opts });
  runners.push(r);
  return r;
}

/** A job that records each run (which holder ran it, when) and lasts until `release` (or at once). */
function recordingJob(name = "count", everyMs = 60_000) {
  const runs: Date[] = [];
  let release: () => void = () => {};
  let hold = false;
  const job: Job = {
    name,
    everyMs,
    run: async (at) => {
      runs.push(at);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      else await new Promise((resolve) => setTimeout(resolve, 30)); // long enough for the other runner to try
      return 1;
    },
  };
  return { job, runs, holdNext: () => (hold = true), release: () => release() };
}

describe("the job runner's lease", () => {
  it("runs each scheduled run once when two runners share the database", async () => {
    const clock = { at: T0 };
    const { job, runs } = recordingJob();
    const a = runner([job], clock, db);
    const b = runner([job], clock, secondClient);
    await Promise.all([a.started, b.started, a.tick(), b.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(runs).toEqual([T0]);

    // not due yet: nobody runs it
    clock.at = new Date(T0.getTime() + 59_000);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(runs).toHaveLength(1);

    clock.at = new Date(T0.getTime() + 60_000);
    await Promise.all([b.tick(), a.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(runs).toHaveLength(2);
    const row = await db().jobLease.findUniqueOrThrow({ where: { name: "count" } });
    expect(row).toMatchObject({ holder: null, leaseUntil: null, lastResult: "1", lastError: null, nextRunAt: new Date(T0.getTime() + 120_000) });
  });

  it("takes over the job of a holder that crashed once its lease has run out, not before", async () => {
    const clock = { at: T0 };
    await db().jobLease.create({
      data: {
        name: "count",
        holder: "crashed-process",
        leaseUntil: new Date(T0.getTime() + 30_000),
        nextRunAt: new Date(T0.getTime() - 60_000),
        lastStartedAt: new Date(T0.getTime() - 30_000),
      },
    });
    const { job, runs } = recordingJob();
    const r = runner([job], clock, db);
    await r.started;
    await r.idle();
    expect(runs).toHaveLength(0);

    clock.at = new Date(T0.getTime() + 30_001);
    await r.tick();
    await r.idle();
    expect(runs).toEqual([clock.at]);
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "count" } })).toMatchObject({ holder: null, lastFinishedAt: clock.at });
  });

  it("renews the lease while a long run lasts, so nobody else starts it meanwhile", async () => {
    const clock = { at: T0 };
    const recording = recordingJob();
    recording.holdNext();
    const a = runner([recording.job], clock, db, { leaseMs: 600 });
    await a.started;
    const b = runner([recording.job], clock, secondClient, { leaseMs: 600 });
    await b.started;
    expect(recording.runs).toHaveLength(1);

    // past the first lease's end: the holder has renewed it from the clock it reads
    clock.at = new Date(T0.getTime() + 500);
    const leaseUntil = async () => (await db().jobLease.findUniqueOrThrow({ where: { name: "count" } })).leaseUntil!.getTime();
    await expect.poll(leaseUntil).toBe(T0.getTime() + 1100);
    clock.at = new Date(T0.getTime() + 900);
    await b.tick();
    expect(recording.runs).toHaveLength(1);

    recording.release();
    await a.idle();
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "count" } })).toMatchObject({ holder: null, nextRunAt: new Date(T0.getTime() + 60_000) });
  });

  it("starts over a schedule whose next run is further away than one period (the interval was shortened)", async () => {
    const clock = { at: T0 };
    await db().jobLease.create({ data: { name: "count", nextRunAt: new Date(T0.getTime() + 3_600_000) } }); // an hourly schedule before
    const { job, runs } = recordingJob("count", 60_000);
    const r = runner([job], clock, db);
    await r.started;
    await r.idle();
    expect(runs).toEqual([T0]);
  });

  it("records a failure, releases the lease and tries again at the next run", async () => {
    const clock = { at: T0 };
    let calls = 0;
    const job: Job = {
      name: "flaky",
      everyMs: 1000,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error("database is locked");
        return 0;
      },
    };
    const r = runner([job], clock, db);
    await r.started;
    await r.idle();
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "flaky" } })).toMatchObject({
      holder: null,
      lastResult: null,
      lastError: "database is locked",
    });
    clock.at = new Date(T0.getTime() + 1000);
    await r.tick();
    await r.idle();
    expect(calls).toBe(2);
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "flaky" } })).toMatchObject({ lastResult: "0", lastError: null });
  });

  it("runs a daily job first at its next time, and stop waits for a run in flight", async () => {
    const clock = { at: new Date("2026-12-02T11:00:00Z") }; // 18:00 in Vietnam
    let finish: () => void = () => {};
    let ran = 0;
    const job: Job = { name: "evening", dailyAt: "19:00", run: () => new Promise<number>((resolve) => (finish = () => resolve(++ran))) };
    const r = runner([job], clock, db);
    await r.started;
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "evening" } })).toMatchObject({ nextRunAt: new Date("2026-12-02T12:00:00Z") });
    clock.at = new Date("2026-12-02T12:00:00Z");
    await r.tick();
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(ran).toBe(1);
    expect(await db().jobLease.findUniqueOrThrow({ where: { name: "evening" } })).toMatchObject({ holder: null, nextRunAt: new Date("2026-12-03T12:00:00Z") });
  });
});
