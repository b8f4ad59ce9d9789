import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, unitsGranted } from "~/auth/guard.server";
import { ROLES, roleLabelKey } from "~/auth/roles";
import { invalid, parseRequestForm } from "~/forms/form.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, FormMessage, SelectField, actionErrors } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { indentedLabel } from "~/units/tree";
import { unitsWithin } from "~/units/units.server";
import { userPermissions } from "~/users/permissions";
import { createUserSchema } from "~/users/schemas.server";
import { USER_LIST_LIMIT, createUser, searchUsers } from "~/users/users.server";

export const access = userPermissions.manageUsers;

export const meta: MetaFunction = () => [{ title: `${t("admin.users.title")} · ${t("app.name")}` }];

async function scope(request: Request) {
  const auth = await requireUser(request, access);
  const paths = unitsGranted(auth, access).map((g) => g.unitPath);
  return { auth, paths, units: await unitsWithin(paths) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { paths, units } = await scope(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const { users, total } = await searchUsers(paths, q);
  return {
    q,
    total,
    // the list is capped; the component cannot read constants of *.server modules
    shown: total > USER_LIST_LIMIT ? USER_LIST_LIMIT : null,
    users: users.map((u) => ({
      id: u.id,
      fullName: u.fullName,
      contact: [u.email, u.phone].filter(Boolean).join(" · "),
      unit: u.unit?.name ?? "",
      active: u.active,
      roles: [...new Set(u.roles.map((r) => t(roleLabelKey(r.role as (typeof ROLES)[number]))))],
    })),
    units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { units } = await scope(request);
  const form = await parseRequestForm(request, createUserSchema);
  if (!form.ok) return invalid(form);
  if (!units.some((u) => u.id === form.data.unitId)) {
    return invalid({ errors: { unitId: t("form.invalidChoice") }, values: {} }, 403);
  }
  const created = await createUser(form.data);
  if (!created.ok) {
    const { password: _p, roles, unitId, ...values } = form.data;
    return invalid({ errors: { _form: t("admin.users.taken") }, values: { ...values, unitId: String(unitId) } as Record<string, string> }, 409);
  }
  return redirect(`/quan-tri/nguoi-dung/${created.id}`);
}

export default function UsersPage() {
  const { q, users, total, shown, units } = useLoaderData<typeof loader>();
  const result = actionErrors(useActionData<typeof action>());
  const e = result?.errors ?? {};
  const v = result?.values ?? {};
  return (
    <>
      <PageHeader title={t("admin.users.title")}>
        <span className="muted">{t("admin.users.count", { count: total })}</span>
      </PageHeader>
      <Form method="get" className="toolbar" role="search">
        <Field label={t("admin.users.search")} hint={t("admin.users.searchHint")} name="q" type="search" defaultValue={q} />
        <button type="submit">{t("form.search")}</button>
      </Form>
      {users.length === 0 ? <p>{t("admin.users.none")}</p> : null}
      {shown ? <p className="muted">{t("admin.users.more", { shown })}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("admin.users.name")}</th>
              <th>{t("admin.users.unit")}</th>
              <th>{t("admin.users.roles")}</th>
              <th>{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/quan-tri/nguoi-dung/${u.id}`}>{u.fullName}</Link>
                  <br />
                  <small className="muted">{u.contact}</small>
                </td>
                <td>{u.unit}</td>
                <td>
                  {u.roles.map((r) => (
                    <span className="tag" key={r}>
                      {r}
                    </span>
                  ))}
                </td>
                <td>{u.active ? t("admin.users.active") : <span className="tag tag--off">{t("admin.users.inactive")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card title={t("admin.users.create")}>
        <FormMessage tone="error">{e._form}</FormMessage>
        <Form method="post" className="stack" noValidate>
          <Field label={t("admin.users.name")} name="fullName" required defaultValue={v.fullName} error={e.fullName} />
          <Field label={t("admin.users.email")} name="email" type="email" defaultValue={v.email} error={e.email} />
          <Field label={t("admin.users.phone")} name="phone" type="tel" defaultValue={v.phone} error={e.phone} />
          <Field label={t("admin.users.position")} name="position" defaultValue={v.position} error={e.position} />
          <SelectField label={t("admin.users.unit")} name="unitId" defaultValue={v.unitId} error={e.unitId} options={units} />
          <fieldset className="field">
            <legend>{t("admin.users.roles")}</legend>
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input type="checkbox" name="roles" value={role} /> {t(roleLabelKey(role))}
              </label>
            ))}
            {e.roles ? <p className="field__error">{e.roles}</p> : null}
          </fieldset>
          <Field label={t("admin.users.password")} name="password" type="password" autoComplete="new-password" required error={e.password} />
          <div>
            <button type="submit">{t("admin.users.create")}</button>
          </div>
        </Form>
      </Card>
    </>
  );
}
