import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { reachablePerson, reachableUnitPaths, reachableUnits } from "~/access/access.server";
import { ACTIVATION_DAYS } from "~/attendance/activation";
import { requireUser } from "~/auth/guard.server";
import { ROLES, type Role, roleLabelKey } from "~/auth/roles";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { BackLink, Card, PageHeader } from "~/ui/page";
import { indentedLabel } from "~/units/tree";
import { userPermissions } from "~/users/permissions";
import { userActionSchema } from "~/users/schemas.server";
import { addRole, issueResetCode, removeRole, setActive, updateProfile } from "~/users/users.server";

export const access = userPermissions.manageUsers;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("admin.user.title", { name: data.user.fullName }) : t("admin.users.title")} · ${t("app.name")}` },
];

/** The admin and the person, when everything the person holds lies within the admin's units; 404 otherwise. */
async function adminAndUser(request: Request, rawId: string | undefined, context?: object) {
  const auth = await requireUser(request, access, context);
  const user = await reachablePerson(auth, rawId, access);
  return { auth, user };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, user } = await adminAndUser(request, params.userId, context);
  const units = await reachableUnits(auth, access);
  return {
    user: {
      id: user.id,
      fullName: user.fullName,
      phone: user.phone ?? "",
      email: user.email ?? "",
      unitId: user.unit ? String(user.unit.id) : "",
      contact: [user.email, user.phone].filter(Boolean).join(" · "),
      unit: user.unit?.name ?? "",
      position: user.position,
      active: user.active,
      roles: user.roles.map((r) => ({ id: r.id, role: t(roleLabelKey(r.role as Role)), unit: r.unit.name })),
    },
    units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
    activateUrl: `${new URL(request.url).origin}/kich-hoat`,
    days: ACTIVATION_DAYS, // through loader data: server-module values are empty in the browser
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, user } = await adminAndUser(request, params.userId);
  const form = await parseRequestForm(request, userActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  switch (input.intent) {
    case "addRole": {
      const units = await reachableUnits(auth, access);
      if (!units.some((u) => u.id === input.unitId)) return invalid({ unitId: t("form.invalidChoice") }, { status: 403 });
      const outcome = await addRole(user.id, input.role, input.unitId);
      if (outcome === "exists") return invalid({ role: t("admin.user.roleExists") }, { status: 409 });
      return ok({ message: t("admin.user.roleAdded") });
    }
    case "removeRole":
      await removeRole(user.id, input.assignmentId, reachableUnitPaths(auth, access));
      return ok({ message: t("admin.user.roleRemoved") });
    case "setActive":
      if (!input.active && user.id === auth.user.id) return invalid({ _form: t("admin.user.notSelf") }, { status: 422 });
      await setActive(user.id, input.active);
      return ok({ message: t(input.active ? "admin.user.activated" : "admin.user.deactivated") });
    case "editProfile": {
      const { intent: _i, ...profile } = input;
      if (!(await reachableUnits(auth, access)).some((u) => u.id === profile.unitId)) return invalid({ unitId: t("form.invalidChoice") }, { status: 403 });
      const outcome = await updateProfile(user.id, profile);
      if (!outcome.ok) return invalid({ [outcome.taken]: t("admin.user.contactTaken") }, { status: 409 });
      return ok({ message: t("admin.user.profileSaved") });
    }
    case "resetPassword":
      return ok({ message: t("admin.user.resetIssued"), code: await issueResetCode(user.id) });
  }
}

export default function UserPage() {
  const { user, units, activateUrl, days } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const done = result.success;
  return (
    <>
      <BackLink to="/quan-tri/nguoi-dung">{t("admin.users.title")}</BackLink>
      <PageHeader title={t("admin.user.title", { name: user.fullName })}>
        {user.active ? null : <span className="tag tag--off">{t("admin.users.inactive")}</span>}
      </PageHeader>
      <FormMessage tone="success">{done?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      {done && "code" in done ? (
        <section className="card" aria-labelledby="reset-code">
          <h2 id="reset-code">{t("admin.user.resetCode")}</h2>
          <p className="att-code-input">
            <code>{String(done.code)}</code>
          </p>
          <p>{t("admin.user.resetHint", { url: activateUrl, days })}</p>
        </section>
      ) : null}
      <Card title={t("admin.user.profile")}>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="editProfile" />
          <Field label={t("admin.users.name")} name="fullName" required defaultValue={user.fullName} error={e.fullName} />
          <Field label={t("admin.users.phone")} name="phone" type="tel" inputMode="tel" defaultValue={user.phone} error={e.phone} />
          <Field label={t("admin.users.email")} name="email" type="email" defaultValue={user.email} error={e.email} />
          <SelectField label={t("admin.users.unit")} name="unitId" defaultValue={user.unitId} error={e.unitId} options={units} />
          <div>
            <button type="submit">{t("form.save")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("admin.users.roles")}>
        <p className="muted">
          {user.contact} · {user.unit}
          {user.position ? ` · ${user.position}` : ""}
        </p>
        <ul>
          {user.roles.map((r) => (
            <li key={r.id}>
              {r.role} — {r.unit}{" "}
              <ActionButton intent="removeRole" id={{ name: "assignmentId", value: r.id }} label={`${t("admin.user.removeRole")}: ${r.role} — ${r.unit}`}>
                {t("admin.user.removeRole")}
              </ActionButton>
            </li>
          ))}
        </ul>
        <h3>{t("admin.user.addRole")}</h3>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="addRole" />
          <SelectField label={t("admin.user.role")} name="role" error={e.role} options={ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))} />
          <SelectField label={t("admin.user.roleUnit")} name="unitId" error={e.unitId} options={units} />
          <div>
            <button type="submit">{t("admin.user.addRole")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("admin.user.reset")}>
        <p className="muted">{t("admin.user.resetIntro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="resetPassword" />
          <button type="submit">{t("admin.user.reset")}</button>
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
