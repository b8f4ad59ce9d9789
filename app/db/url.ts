/** The SQLite file used when DATABASE_URL is not set: relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/ocop.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
