import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { getAuth, isSecureRequest, requireSameOrigin } from "~/auth/guard.server";
import { login } from "~/auth/login.server";
import { requestMeta } from "~/auth/request-meta";
import { REGISTERED_PARAM, safeNext } from "~/auth/next";
import { loginSchema } from "~/auth/schemas.server";
import { sessionCookie } from "~/auth/session-token";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { formatTime } from "~/i18n/format";
import "~/i18n/account";
import { t } from "~/i18n/messages";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";

export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("auth.login.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getAuth(request)) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await parseRequestForm(request, loginSchema);
  if (!form.ok) return invalid(form);
  const previous = await getAuth(request);
  const outcome = await login(form.data.identifier, form.data.password, requestMeta(request, context), previous?.sessionId);
  const values = { identifier: form.data.identifier.value };
  if (!outcome.ok) {
    const message = outcome.reason === "throttled" ? t("auth.login.throttled", { time: formatTime(outcome.until) }) : t("auth.login.failed");
    return invalid({ _form: message }, { values, status: outcome.reason === "throttled" ? 429 : 401 });
  }
  return redirect(form.data.next, {
    headers: { "Set-Cookie": sessionCookie(outcome.token, outcome.expiresAt, isSecureRequest(request)) },
  });
}

export default function LoginPage() {
  const result = useActionResult<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow">
      <PageHeader title={t("auth.login.title")} />
      {params.has(REGISTERED_PARAM) && !result.failed ? <FormMessage tone="success">{t("auth.register.received")}</FormMessage> : null}
      <FormMessage tone="error">{result.errors._form}</FormMessage>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={safeNext(params.get("next"))} />
        <Field
          label={t("auth.login.identifier")}
          hint={t("auth.login.identifierHint")}
          name="identifier"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={result.values.identifier}
          error={result.errors.identifier}
        />
        <Field label={t("auth.login.password")} name="password" type="password" autoComplete="current-password" required error={result.errors.password} />
        <div>
          <button type="submit" disabled={busy}>
            {t("auth.login.submit")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/dang-ky">{t("auth.login.noAccount")}</Link>
      </p>
    </div>
  );
}
