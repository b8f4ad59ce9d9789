import { PUBLIC } from "~/auth/access";
import { checkHealth } from "~/ops/health.server";

/** For the proxy, systemd or a monitor: 200 when the database answers and is fully migrated, else 503. */
export const access = PUBLIC;

export async function loader() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "private, no-store" } });
}
