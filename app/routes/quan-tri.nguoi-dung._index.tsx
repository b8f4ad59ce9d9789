import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { personWhere, reachableUnits } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { ROLES, roleLabelKey } from "~/auth/roles";
import { parseRequestForm } from "~/forms/form.server";
import type { FormValues } from "~/forms/parse";
import { invalid } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { ChoiceGroup, Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";
import { DataTable, Subtitled } from "~/ui/table";
import { indentedLabel } from "~/units/tree";
import { userPermissions } from "~/users/permissions";
import { createUserSchema } from "~/users/schemas.server";
import { createUser, searchUsers } from "~/users/users.server";

export const access = userPermissions.manageUsers;

export const meta: MetaFunction = () => [{ title: `${t("admin.users.title")} · ${t("app.name")}` }];

async function scope(request: Request, context?: object) {
  const auth = await requireUser(request, access, context);
  return { auth, people: personWhere(auth, access), units: await reachableUnits(auth, access) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { people, units } = await scope(request, context);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  const rawRole = params.get("vai-tro") ?? "";
  const role = (ROLES as readonly string[]).includes(rawRole) ? (rawRole as (typeof ROLES)[number]) : null;
  const wanted = Number(params.get("trang"));
  const { users, total, page, pages } = await searchUsers(people, q, { role, page: Number.isInteger(wanted) && wanted > 0 ? wanted : 1 });
  return {
    q,
    role: role ?? "",
    total,
    page,
    pages,
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
    return invalid({ unitId: t("form.invalidChoice") }, { status: 403 });
  }
  const created = await createUser(form.data);
  if (!created.ok) {
    const { password: _p, roles: _r, unitId, ...values } = form.data;
    return invalid({ _form: t("admin.users.taken") }, { values: { ...values, unitId: String(unitId) } as FormValues, status: 409 });
  }
  return redirect(`/quan-tri/nguoi-dung/${created.id}`);
}

export default function UsersPage() {
  const { q, role, users, total, page, pages, units } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const v = result.values;
  return (
    <>
      <PageHeader title={t("admin.users.title")}>
        <span className="muted">{t("admin.users.count", { count: total })}</span>
      </PageHeader>
      <details className="card" open={e._form || Object.keys(v).length ? true : undefined}>
        <summary>
          <strong>{t("admin.users.create")}</strong>
        </summary>
        <CreateForm e={e} v={v} units={units} />
      </details>
      <Form method="get" className="toolbar" role="search">
        <Field label={t("admin.users.search")} hint={t("admin.users.searchHint")} name="q" type="search" defaultValue={q} />
        <SelectField
          label={t("admin.users.roleFilter")}
          name="vai-tro"
          defaultValue={role}
          options={[{ value: "", label: t("admin.users.allRoles") }, ...ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))]}
        />
        <button type="submit">{t("form.search")}</button>
      </Form>
      <DataTable
        caption={t("admin.users.title")}
        empty={t("admin.users.none")}
        columns={[
          { header: t("admin.users.name"), cell: (u) => <Subtitled main={<Link to={`/quan-tri/nguoi-dung/${u.id}`}>{u.fullName}</Link>} sub={u.contact} /> },
          { header: t("admin.users.unit"), cell: (u) => u.unit },
          {
            header: t("admin.users.roles"),
            cell: (u) =>
              u.roles.map((r) => (
                <span className="tag" key={r}>
                  {r}
                </span>
              )),
          },
          {
            header: t("admin.users.status"),
            cell: (u) => (u.active ? t("admin.users.active") : <span className="tag tag--off">{t("admin.users.inactive")}</span>),
          },
        ]}
        rows={users}
        rowKey={(u) => u.id}
      />
      {pages > 1 ? (
        <nav className="toolbar" aria-label={t("admin.users.pages")}>
          {page > 1 ? (
            <Link className="button button--ghost" to={pageLink(page - 1)}>
              {t("admin.users.previous")}
            </Link>
          ) : null}
          <span className="muted">{t("admin.users.page", { page, pages })}</span>
          {page < pages ? (
            <Link className="button button--ghost" to={pageLink(page + 1)}>
              {t("admin.users.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
  function pageLink(n: number) {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    if (role) p.set("vai-tro", role);
    p.set("trang", String(n));
    return `?${p}`;
  }
}

function CreateForm({ e, v, units }: { e: Record<string, string>; v: Record<string, string>; units: { value: string; label: string }[] }) {
  return (
    <>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Form method="post" className="stack" noValidate>
        <Field label={t("admin.users.name")} name="fullName" required defaultValue={v.fullName} error={e.fullName} />
        <Field label={t("admin.users.email")} name="email" type="email" defaultValue={v.email} error={e.email} />
        <Field label={t("admin.users.phone")} name="phone" type="tel" defaultValue={v.phone} error={e.phone} />
        <Field label={t("admin.users.position")} name="position" defaultValue={v.position} error={e.position} />
        <SelectField label={t("admin.users.unit")} name="unitId" defaultValue={v.unitId} error={e.unitId} options={units} />
        <ChoiceGroup
          legend={t("admin.users.roles")}
          name="roles"
          type="checkbox"
          options={ROLES.map((role) => ({ value: role, label: t(roleLabelKey(role)) }))}
          error={e.roles}
        />
        <Field label={t("admin.users.password")} name="password" type="password" autoComplete="new-password" required error={e.password} />
        <div>
          <button type="submit">{t("admin.users.create")}</button>
        </div>
      </Form>
    </>
  );
}
