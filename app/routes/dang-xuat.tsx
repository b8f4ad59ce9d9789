import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { PUBLIC } from "~/auth/access";
import { getAuth, isSecureRequest, requireSameOrigin } from "~/auth/guard.server";
import { invalidateSession } from "~/auth/session.server";
import { clearedSessionCookie } from "~/auth/session-token";

export const access = PUBLIC;

// Logging out is a POST only; a GET just goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const auth = await getAuth(request);
  if (auth) await invalidateSession(auth.sessionId);
  return redirect("/dang-nhap", { headers: { "Set-Cookie": clearedSessionCookie(isSecureRequest(request)) } });
}
