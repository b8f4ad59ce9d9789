import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { activateAccount } from "~/attendance/roster.server";
import { activateSchema } from "~/attendance/schemas.server";
import { guessBlockedUntil, ipGuessKey, personKey, recordGuessFailure } from "~/ops/throttle.server";
import { PUBLIC } from "~/auth/access";
import { isSecureRequest, requireSameOrigin } from "~/auth/guard.server";
import { parseIdentifier } from "~/auth/identifier";
import { requestMeta } from "~/auth/request-meta";
import { createSession } from "~/auth/session.server";
import { sessionCookie } from "~/auth/session-token";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { NewPasswordFields } from "~/ui/form-parts";
import { PageHeader } from "~/ui/page";

/** Public page where a person added by a roster import sets a password with phone/email + one-time code. */
export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("att.activate.title")} · ${t("app.name")}` }];

export function loader() {
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await parseRequestForm(request, activateSchema);
  if (!form.ok) return invalid(form);
  const { identifier, code, password } = form.data;
  const who = parseIdentifier(identifier);
  const meta = requestMeta(request, context);
  const keys = [personKey("activate", who ? who.value : identifier.toLowerCase().slice(0, 80)), ipGuessKey("activate", meta.ip)];
  const values = { identifier, code: "" };
  const now = new Date();
  const until = await guessBlockedUntil(keys, now);
  if (until) return invalid({ _form: t("att.activate.throttled", { time: formatTime(until) }) }, { values, status: 429 });
  const userId = await activateAccount(identifier, code, password, now);
  if (!userId) {
    await recordGuessFailure(keys, now);
    return invalid({ _form: t("att.activate.wrong") }, { values, status: 422 });
  }
  const session = await createSession(userId, meta);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, isSecureRequest(request)) } });
}

export default function ActivatePage() {
  const failure = useActionResult<typeof action>();
  const e = failure.errors;
  return (
    <div className="narrow">
      <PageHeader title={t("att.activate.title")} />
      <p>{t("att.activate.intro")}</p>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("att.activate.identifier")}
          name="identifier"
          required
          defaultValue={failure.values.identifier}
          error={e.identifier}
          autoComplete="username"
        />
        <Field label={t("att.activate.code")} name="code" required error={e.code} autoCapitalize="characters" autoComplete="one-time-code" />
        <NewPasswordFields name="password" labels={[t("att.activate.password"), t("att.activate.passwordConfirm")]} errors={e} />
        <div>
          <button type="submit">{t("att.activate.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
