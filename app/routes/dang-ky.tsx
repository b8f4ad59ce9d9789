import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSubmit } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { getAuth, requireSameOrigin } from "~/auth/guard.server";
import { REGISTERED_PARAM } from "~/auth/next";
import { register } from "~/auth/register.server";
import { requestMeta } from "~/auth/request-meta";
import { registerSchema } from "~/auth/schemas.server";
import { parseRequestForm } from "~/forms/form.server";
import { parseId } from "~/forms/parse";
import { invalid } from "~/forms/result.server";
import { formatTime } from "~/i18n/format";
import "~/i18n/account";
import { t } from "~/i18n/messages";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { NewPasswordFields } from "~/ui/form-parts";
import { PageHeader } from "~/ui/page";
import { indentedLabel } from "~/units/tree";
import { signUpUnits } from "~/units/units.server";

export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("auth.register.title")} · ${t("app.name")}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getAuth(request)) throw redirect("/");
  // `?tinh=`: the province chosen first, so the unit list holds one province's communes, not the country's
  const { provinces, province, units } = await signUpUnits(parseId(new URL(request.url).searchParams.get("tinh")));
  return {
    provinces: provinces.map((p) => ({ value: String(p.id), label: p.name })),
    province: province ? String(province.id) : "",
    units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await parseRequestForm(request, registerSchema);
  if (!form.ok) return invalid(form);
  const outcome = await register(form.data, requestMeta(request, context).ip);
  if (!outcome.ok) {
    const message =
      outcome.error === "throttled"
        ? t("auth.register.throttled", { time: formatTime(outcome.until) })
        : t(outcome.error === "codeUnknown" ? "auth.register.codeUnknown" : "form.invalidChoice");
    const { password: _p, passwordConfirm: _c, ...values } = form.data;
    return invalid(
      { [outcome.field]: message },
      { values: { ...values, email: values.email ?? "", unitId: String(values.unitId) }, status: outcome.error === "throttled" ? 429 : 422 },
    );
  }
  // The same answer whether the account is new or the phone/email had one: the login page says what to do.
  return redirect(`/dang-nhap?${REGISTERED_PARAM}=1`);
}

export default function RegisterPage() {
  const { provinces, province, units } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const submit = useSubmit();
  const v = result.values;
  const e = result.errors;
  return (
    <div className="narrow">
      <PageHeader title={t("auth.register.title")} />
      <p>{t("auth.register.intro")}</p>
      <FormMessage tone="error">{e._form}</FormMessage>
      {provinces.length > 1 ? (
        // a GET of this page: without JavaScript the button reloads it with the province's communes
        <Form method="get" className="stack">
          <SelectField
            label={t("auth.register.province")}
            name="tinh"
            defaultValue={province}
            onChange={(event) => submit(event.currentTarget.form)}
            options={[{ value: "", label: "—" }, ...provinces]}
          />
          <div>
            <button type="submit" className="button--ghost">
              {t("auth.register.provinceShow")}
            </button>
          </div>
        </Form>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <Field label={t("auth.register.code")} name="code" required defaultValue={v.code} error={e.code} autoCapitalize="characters" />
        <Field label={t("auth.register.fullName")} name="fullName" required defaultValue={v.fullName} error={e.fullName} autoComplete="name" />
        <Field label={t("auth.register.phone")} name="phone" type="tel" required defaultValue={v.phone} error={e.phone} autoComplete="tel" />
        <Field label={t("auth.register.email")} name="email" type="email" defaultValue={v.email} error={e.email} autoComplete="email" />
        <SelectField
          label={t("auth.register.role")}
          name="role"
          defaultValue={v.role ?? "learner"}
          error={e.role}
          options={[
            { value: "learner", label: t("role.learner") },
            { value: "producer", label: t("role.producer") },
          ]}
        />
        {/* empty until a province is chosen above */}
        <SelectField label={t("auth.register.unit")} name="unitId" defaultValue={v.unitId} error={e.unitId} options={[{ value: "", label: "—" }, ...units]} />
        <NewPasswordFields name="password" labels={[t("auth.register.password"), t("auth.register.passwordConfirm")]} errors={e} />
        <div>
          <button type="submit">{t("auth.register.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
