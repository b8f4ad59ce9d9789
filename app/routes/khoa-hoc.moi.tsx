import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { personWhere, reachableUnits, unitWhere } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { classFormChoices, createClass } from "~/courses/manage.server";
import { classPermissions } from "~/courses/permissions";
import { parseClassFields, postedFields } from "~/courses/schemas.server";
import { ClassFields } from "~/courses/ui";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { FormMessage, useActionResult } from "~/ui/form";
import { BackLink, PageHeader } from "~/ui/page";

/** /khoa-hoc/moi: an admin creates a class for a unit within their scope. */
export const access = classPermissions.manage;

export const meta: MetaFunction = () => [{ title: `${t("classes.new.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const units = await reachableUnits(auth, access);
  const choices = await classFormChoices(units, []);
  // every module is taught by default, in the shipped order
  return { ...choices, modules: choices.modules.map((m, i) => ({ ...m, position: String(i + 1) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, postedFields);
  if (!form.ok) return invalid(form);
  const fields = parseClassFields(form.data);
  if (!fields.ok) return invalid(fields);
  const created = await createClass({ units: unitWhere(auth, access), people: personWhere(auth, access) }, fields.data);
  if (!created.ok) return invalid(created.errors, { values: fields.values, status: created.status });
  return redirect(`/khoa-hoc/${created.id}/cai-dat`);
}

export default function NewClassPage() {
  const { units, modules } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  return (
    <div className="narrow">
      <BackLink to="/khoa-hoc">{t("modules.catalogue.title")}</BackLink>
      <PageHeader title={t("classes.new.title")} />
      <FormMessage tone="error">{result.errors._form}</FormMessage>
      <Form method="post" className="stack" noValidate>
        <ClassFields v={result.values} e={result.errors} units={units} modules={modules} audience={result.values.audience?.split("\n") ?? []} />
        <div>
          <button type="submit">{t("classes.new.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
