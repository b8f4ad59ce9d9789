import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableSession } from "~/access/access.server";
import { displayState } from "~/attendance/display.server";
import { attendancePermissions } from "~/attendance/permissions";
import { PRIVATE_NO_STORE } from "~/auth/cache-policy";
import { requireUser } from "~/auth/guard.server";

/** Resource route polled by the check-in display: the current code, its QR (SVG) and the live count. */
export const access = attendancePermissions.manageAttendance;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { session } = await reachableSession(auth, params, access);
  const state = await displayState(session, new URL(request.url).origin);
  return Response.json(state, { headers: { "Cache-Control": PRIVATE_NO_STORE } });
}
