import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { appraisalPermissions } from "~/appraisal/permissions";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { markAllRead, notificationsOf } from "~/notifications/notifications.server";
import { PageHeader } from "~/ui/page";

export const access = appraisalPermissions.notifications;

export const meta: MetaFunction = () => [{ title: `${t("appraisal.notifications.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const rows = await notificationsOf(auth.user.id);
  return { rows: rows.map((n) => ({ id: n.id, text: n.text, link: n.link, when: formatDateTime(n.createdAt), unread: n.readAt === null })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, z.object({ intent: z.literal("markRead", { error: t("form.invalidChoice") }) }));
  if (!form.ok) return invalid(form);
  await markAllRead(auth.user.id);
  return redirect("/thong-bao");
}

export default function Notifications() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("appraisal.notifications.title")}>
        {rows.some((r) => r.unread) ? (
          <Form method="post">
            <input type="hidden" name="intent" value="markRead" />
            <button type="submit" className="button button--ghost">
              {t("appraisal.notifications.markRead")}
            </button>
          </Form>
        ) : null}
      </PageHeader>
      {rows.length === 0 ? <p>{t("appraisal.notifications.none")}</p> : null}
      <ul className="stack" data-testid="notifications">
        {rows.map((n) => (
          <li key={n.id}>
            {n.unread ? <strong>● </strong> : null}
            <Link to={n.link}>{n.text}</Link> <small className="muted">{n.when}</small>
          </li>
        ))}
      </ul>
    </>
  );
}
