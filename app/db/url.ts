/** The SQLite file used when DATABASE_URL is not set: relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/ocop.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export type Engine = "sqlite" | "postgresql";

/** `postgresql://` or `postgres://` selects PostgreSQL; anything else (`file:`) is SQLite (docs/decisions/0045). */
export function engineOf(url = databaseUrl()): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}
