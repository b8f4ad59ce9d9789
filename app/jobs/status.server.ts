import { db } from "~/db/db.server";
import { jobRegistry } from "./registry.server";

export type JobStatus = {
  name: string;
  running: boolean;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  nextRunAt: Date | null;
  lastResult: string | null;
  lastError: string | null;
};

/** Each job of the registry as its lease row says (a job that never ran yet has no row). */
export async function jobStatuses(at: Date = new Date()): Promise<JobStatus[]> {
  const rows = await db().jobLease.findMany();
  return jobRegistry().map(({ name }) => {
    const row = rows.find((r) => r.name === name);
    return {
      name,
      running: !!row?.holder && !!row.leaseUntil && row.leaseUntil >= at,
      lastStartedAt: row?.lastStartedAt ?? null,
      lastFinishedAt: row?.lastFinishedAt ?? null,
      nextRunAt: row?.nextRunAt ?? null,
      lastResult: row?.lastResult ?? null,
      lastError: row?.lastError ?? null,
    };
  });
}
