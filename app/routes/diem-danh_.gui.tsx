import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { attendancePermissions } from "~/attendance/permissions";
import { checkinSchema } from "~/attendance/schemas.server";
import { selfCheckIn } from "~/attendance/self-checkin.server";
import { requireUser } from "~/auth/guard.server";
import { requestMeta } from "~/auth/request-meta";
import { parseRequestForm } from "~/forms/form.server";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";

/**
 * Where the phone sends a check-in it queued (app/offline, docs/decisions/0046): the same rules as the
 * page's form, answered as JSON `{ ok, message, status? }` for the page or the service worker to show.
 */
export const access = attendancePermissions.checkIn;

/** Opened in the browser, the address is the check-in page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, access, context);
  return redirect("/diem-danh");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, checkinSchema);
  if (!form.ok) return Response.json({ ok: false, message: Object.values(form.errors)[0] ?? t("form.invalid") }, { status: 400 });
  if (form.data.learner !== undefined && form.data.learner !== auth.user.id)
    return Response.json({ ok: false, message: t("att.checkin.otherAccount") }, { status: 409 });
  const done = await selfCheckIn(auth.user.id, requestMeta(request, context).ip, form.data);
  return done.ok ? Response.json(done) : Response.json({ ok: false, message: done.message }, { status: done.httpStatus });
}
