import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SIGNED_IN } from "~/auth/access";
import { changePassword, revokeOwnSession } from "~/auth/account.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { roleLabelKey } from "~/auth/roles";
import { changePasswordSchema, revokeSchema } from "~/auth/schemas.server";
import { listUserSessions } from "~/auth/session.server";
import { invalid, parseRequestForm } from "~/forms/form.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { Field, FormMessage, actionErrors } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";

export const access = SIGNED_IN;

export const meta: MetaFunction = () => [{ title: `${t("auth.account.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const sessions = await listUserSessions(auth.user.id);
  return {
    user: { fullName: auth.user.fullName, email: auth.user.email, phone: auth.user.phone },
    roles: auth.user.grants.map((g) => ({ role: t(roleLabelKey(g.role)), unit: g.unitName })),
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === auth.sessionId,
      device: s.userAgent || "—",
      ip: s.ip,
      created: formatDateTime(s.createdAt),
      lastSeen: formatDateTime(s.lastSeenAt),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "revoke") {
    const form = await parseRequestForm(request, revokeSchema);
    if (!form.ok) return invalid(form);
    if (!(await revokeOwnSession(auth.user.id, form.data.sessionId))) throw notFound();
    if (form.data.sessionId === auth.sessionId) throw redirect("/dang-nhap");
    return data({ ok: true as const, message: t("auth.account.revoked") });
  }
  const form = await parseRequestForm(request, changePasswordSchema);
  if (!form.ok) return invalid(form);
  const changed = await changePassword(auth.user.id, auth.sessionId, form.data.currentPassword, form.data.newPassword);
  if (!changed) return invalid({ errors: { currentPassword: t("auth.password.wrongCurrent") } });
  return data({ ok: true as const, message: t("auth.password.changed") });
}

export default function AccountPage() {
  const { user, roles, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = actionErrors(result);
  const e = failed?.errors ?? {};
  return (
    <>
      <PageHeader title={t("auth.account.title")} />
      {result && "message" in result ? <FormMessage tone="success">{result.message}</FormMessage> : null}
      <Card title={user.fullName}>
        <p className="muted">{[user.email, user.phone].filter(Boolean).join(" · ")}</p>
        <h3>{t("auth.account.roles")}</h3>
        <p>
          {roles.map((r) => (
            <span className="tag" key={`${r.role}-${r.unit}`}>
              {r.role} — {r.unit}
            </span>
          ))}
        </p>
      </Card>
      <Card title={t("auth.account.changePassword")}>
        <FormMessage tone="error">{e._form}</FormMessage>
        <Form method="post" className="stack" noValidate>
          <Field label={t("auth.account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={e.currentPassword} />
          <Field label={t("auth.account.newPassword")} name="newPassword" type="password" autoComplete="new-password" required error={e.newPassword} />
          <Field label={t("auth.account.newPasswordConfirm")} name="newPasswordConfirm" type="password" autoComplete="new-password" required error={e.newPasswordConfirm} />
          <div>
            <button type="submit">{t("auth.account.changePassword")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("auth.account.sessions")}>
        <p className="muted">{t("auth.account.sessionsIntro")}</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("auth.account.device")}</th>
                <th>{t("auth.account.created")}</th>
                <th>{t("auth.account.lastSeen")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.device}
                    <br />
                    <small className="muted">{s.ip}</small>
                  </td>
                  <td>{s.created}</td>
                  <td>{s.lastSeen}</td>
                  <td>
                    {s.current ? <span className="tag">{t("auth.account.thisSession")}</span> : null}
                    <Form method="post" action="?intent=revoke" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button--ghost button">
                        {t("auth.account.revoke")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
