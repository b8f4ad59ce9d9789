/**
 * A unique-constraint violation: the expected outcome of a race two requests run at once (a double click, a resent
 * form). A model query reports Prisma's code P2002; a raw statement reports P2010 with the driver adapter's own
 * kind of error (the same on SQLite and PostgreSQL). Checked by those fields, so it works whichever client class threw it.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
