import type { ActionFunctionArgs } from "@remix-run/node";
import { PUBLIC } from "~/auth/access";
import { notFound } from "~/auth/guard.server";
import { db } from "~/db/db.server";

/**
 * Baseline routes for `npm run bench`: GET does the minimum (no DB), POST one insert. They
 * exist only when the server runs with BENCH=1, so production never serves them.
 */
export const access = PUBLIC;

const enabled = () => process.env.BENCH === "1";

export function loader() {
  if (!enabled()) throw notFound();
  return new Response("xin chào", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function action(_: ActionFunctionArgs) {
  if (!enabled()) throw notFound();
  await db().throttleHit.create({ data: { kind: "login", key: "bench:baseline" } });
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
