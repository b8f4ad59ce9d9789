import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser, unitsGranted } from "~/auth/guard.server";
import { ROLES, type Role, roleLabelKey } from "~/auth/roles";
import { invalid, parseRequestForm } from "~/forms/form.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { FormMessage, SelectField, actionErrors } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { indentedLabel } from "~/units/tree";
import { unitsWithin } from "~/units/units.server";
import { userPermissions } from "~/users/permissions";
import { userActionSchema } from "~/users/schemas.server";
import { addRole, removeRole, setActive, userDetail } from "~/users/users.server";

export const access = userPermissions.manageUsers;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("admin.user.title", { name: data.user.fullName }) : t("admin.users.title")} · ${t("app.name")}` },
];

/** The admin and the user, when the user's unit lies within the admin's units; 404 otherwise. */
async function adminAndUser(request: Request, rawId: string | undefined) {
  const auth = await requireUser(request, access);
  const paths = unitsGranted(auth, access).map((g) => g.unitPath);
  const id = /^\d{1,9}$/.test(rawId ?? "") ? Number(rawId) : NaN;
  const user = Number.isNaN(id) ? null : await userDetail(id);
  if (!user || !user.unit || !paths.some((p) => user.unit!.path.startsWith(p))) throw notFound();
  return { auth, paths, user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { paths, user } = await adminAndUser(request, params.userId);
  const units = await unitsWithin(paths);
  return {
    user: {
      id: user.id,
      fullName: user.fullName,
      contact: [user.email, user.phone].filter(Boolean).join(" · "),
      unit: user.unit?.name ?? "",
      position: user.position,
      active: user.active,
      roles: user.roles.map((r) => ({ id: r.id, role: t(roleLabelKey(r.role as Role)), unit: r.unit.name })),
    },
    units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, paths, user } = await adminAndUser(request, params.userId);
  const form = await parseRequestForm(request, userActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  switch (input.intent) {
    case "addRole": {
      const units = await unitsWithin(paths);
      if (!units.some((u) => u.id === input.unitId)) return invalid({ errors: { unitId: t("form.invalidChoice") } }, 403);
      const outcome = await addRole(user.id, input.role, input.unitId);
      if (outcome === "exists") return invalid({ errors: { role: t("admin.user.roleExists") } }, 409);
      return data({ ok: true as const, message: t("admin.user.roleAdded") });
    }
    case "removeRole":
      await removeRole(user.id, input.assignmentId, paths);
      return data({ ok: true as const, message: t("admin.user.roleRemoved") });
    case "setActive":
      if (!input.active && user.id === auth.user.id) return invalid({ errors: { _form: t("admin.user.notSelf") } }, 422);
      await setActive(user.id, input.active);
      return data({ ok: true as const, message: t(input.active ? "admin.user.activated" : "admin.user.deactivated") });
  }
}

export default function UserPage() {
  const { user, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = actionErrors(result)?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/quan-tri/nguoi-dung">← {t("admin.users.title")}</Link>
      </p>
      <PageHeader title={t("admin.user.title", { name: user.fullName })}>
        {user.active ? null : <span className="tag tag--off">{t("admin.users.inactive")}</span>}
      </PageHeader>
      {result && "message" in result ? <FormMessage tone="success">{result.message}</FormMessage> : null}
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card title={t("admin.users.roles")}>
        <p className="muted">
          {user.contact} · {user.unit}
          {user.position ? ` · ${user.position}` : ""}
        </p>
        <ul>
          {user.roles.map((r) => (
            <li key={r.id}>
              {r.role} — {r.unit}{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="removeRole" />
                <input type="hidden" name="assignmentId" value={r.id} />
                <button type="submit" className="button button--ghost" aria-label={`${t("admin.user.removeRole")}: ${r.role} — ${r.unit}`}>
                  {t("admin.user.removeRole")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3>{t("admin.user.addRole")}</h3>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="addRole" />
          <SelectField
            label={t("admin.user.role")}
            name="role"
            error={e.role}
            options={ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
          />
          <SelectField label={t("admin.user.roleUnit")} name="unitId" error={e.unitId} options={units} />
          <div>
            <button type="submit">{t("admin.user.addRole")}</button>
          </div>
        </Form>
      </Card>
      <Card title={user.active ? t("admin.user.deactivate") : t("admin.user.activate")}>
        {user.active ? <p className="muted">{t("admin.user.deactivateHint")}</p> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="setActive" />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <button type="submit" className={user.active ? "button button--danger" : "button"}>
            {user.active ? t("admin.user.deactivate") : t("admin.user.activate")}
          </button>
        </Form>
      </Card>
    </>
  );
}
