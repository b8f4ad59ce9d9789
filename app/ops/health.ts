/**
 * What /healthz reports: whether the database answers and whether the migrations shipped with
 * this code are the ones applied to it. Only migration names and counts — no personal data.
 */
export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations?: { expected: number; applied: number; pending: string[]; unknown: string[] };
};

/** Compares the migration folders of this release with the database's applied migrations. */
export function healthOf(shipped: readonly string[], applied: readonly string[]): Health {
  const done = new Set(applied);
  const known = new Set(shipped);
  const pending = shipped.filter((name) => !done.has(name));
  // Applied but not shipped: the database was migrated by a newer release than the one running.
  const unknown = applied.filter((name) => !known.has(name));
  return {
    status: pending.length || unknown.length ? "error" : "ok",
    database: "ok",
    migrations: { expected: shipped.length, applied: applied.length, pending, unknown },
  };
}
