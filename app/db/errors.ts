/**
 * Prisma's unique-constraint violation (code P2002): the expected outcome of a race two requests run at once (a
 * double click, a resent form). Checked by its code, so it works whichever client class threw it.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
