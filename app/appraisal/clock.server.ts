/**
 * The appraisal clock: "now" for deadlines and overdue marking. Injectable so tests (and the e2e
 * run, through the test-only route /kiem-thu/dong-ho) can move time forward without waiting days.
 */
declare global {
  var __ocopClockOffsetMs: number | undefined;
}

export function now(): Date {
  return new Date(Date.now() + (globalThis.__ocopClockOffsetMs ?? 0));
}

export function setClockOffset(ms: number): void {
  globalThis.__ocopClockOffsetMs = ms;
}

/** The test-only clock route exists only when the server runs with E2E_CLOCK=1 (never in production). */
export const clockRouteEnabled = () => process.env.E2E_CLOCK === "1";
