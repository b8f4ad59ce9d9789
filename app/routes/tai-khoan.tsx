import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SIGNED_IN } from "~/auth/access";
import { changePassword, revokeOwnSession } from "~/auth/account.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { roleLabelKey } from "~/auth/roles";
import { accountActionSchema } from "~/auth/schemas.server";
import { listUserSessions } from "~/auth/session.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDateTime } from "~/i18n/format";
import "~/i18n/account";
import { t } from "~/i18n/messages";
import { emailPreferencesOf, saveEmailPreferences } from "~/notifications/preferences.server";
import { EmailPreferences } from "~/notifications/ui";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { ActionButton, NewPasswordFields } from "~/ui/form-parts";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = SIGNED_IN;

export const meta: MetaFunction = () => [{ title: `${t("auth.account.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const [sessions, emailPrefs] = await Promise.all([listUserSessions(auth.user.id), emailPreferencesOf(auth.user.id)]);
  return {
    emailPrefs,
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
  const form = await parseRequestForm(request, accountActionSchema);
  if (!form.ok) return invalid(form);
  if (form.data.intent === "revoke") {
    if (!(await revokeOwnSession(auth.user.id, form.data.sessionId))) throw notFound();
    if (form.data.sessionId === auth.sessionId) throw redirect("/dang-nhap");
    return ok({ message: t("auth.account.revoked") });
  }
  if (form.data.intent === "emailPreferences") {
    await saveEmailPreferences(auth.user.id, form.data.email);
    return ok({ message: t("notify.prefs.saved") });
  }
  const changed = await changePassword(auth.user.id, auth.sessionId, form.data.currentPassword, form.data.newPassword);
  if (!changed) return invalid({ currentPassword: t("auth.password.wrongCurrent") });
  return ok({ message: t("auth.password.changed") });
}

export default function AccountPage() {
  const { user, roles, sessions, emailPrefs } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <PageHeader title={t("auth.account.title")} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
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
          <input type="hidden" name="intent" value="password" />
          <Field
            label={t("auth.account.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={e.currentPassword}
          />
          <NewPasswordFields name="newPassword" labels={[t("auth.account.newPassword"), t("auth.account.newPasswordConfirm")]} errors={e} />
          <div>
            <button type="submit">{t("auth.account.changePassword")}</button>
          </div>
        </Form>
      </Card>
      <EmailPreferences prefs={emailPrefs} error={e.email} />
      <Card title={t("auth.account.sessions")}>
        <p className="muted">{t("auth.account.sessionsIntro")}</p>
        <DataTable
          caption={t("auth.account.sessions")}
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            {
              header: t("auth.account.device"),
              cell: (s) => (
                <>
                  {s.device}
                  <br />
                  <small className="muted">{s.ip}</small>
                </>
              ),
            },
            { header: t("auth.account.created"), cell: (s) => s.created },
            { header: t("auth.account.lastSeen"), cell: (s) => s.lastSeen },
            {
              header: null,
              cell: (s) => (
                <>
                  {s.current ? <span className="tag">{t("auth.account.thisSession")}</span> : null}
                  <ActionButton intent="revoke" id={{ name: "sessionId", value: s.id }}>
                    {t("auth.account.revoke")}
                  </ActionButton>
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
