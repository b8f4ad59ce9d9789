import type { ActionFunctionArgs } from "@remix-run/node";
import { PUBLIC } from "~/auth/access";
import { notFound, requireSameOrigin } from "~/auth/guard.server";
import { clockRouteEnabled, now, setClockOffset } from "~/appraisal/clock.server";

/**
 * Test-only: moves the appraisal clock (deadlines, overdue) for the e2e run. Exists only when the
 * server runs with E2E_CLOCK=1; otherwise every request is a 404.
 */
export const access = PUBLIC;

export function loader() {
  if (!clockRouteEnabled()) throw notFound();
  return new Response(now().toISOString(), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!clockRouteEnabled()) throw notFound();
  requireSameOrigin(request);
  const days = Number((await request.formData()).get("days"));
  if (!Number.isFinite(days) || Math.abs(days) > 3650) return new Response("days?", { status: 400 });
  setClockOffset(days * 86_400_000);
  return new Response(now().toISOString(), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
