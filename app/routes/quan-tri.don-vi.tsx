import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { holdsAtProvince, reachableUnits } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { UNIT_LEVELS, type UnitLevel } from "~/auth/roles";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";
import { unitPermissions } from "~/units/permissions";
import { createUnitSchema } from "~/units/schemas.server";
import { indentedLabel } from "~/units/tree";
import { createUnit } from "~/units/units.server";

export const access = unitPermissions.manageUnits;

export const meta: MetaFunction = () => [{ title: `${t("admin.units.title")} · ${t("app.name")}` }];

async function scopedUnits(request: Request, context?: object) {
  const auth = await requireUser(request, access, context);
  return { auth, units: await reachableUnits(auth, access) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { auth, units } = await scopedUnits(request, context);
  return {
    mayLoadCatalogue: holdsAtProvince(auth, unitPermissions.loadCatalogue),
    units: units.map((u) => ({ id: u.id, name: u.name, code: u.code, level: u.level as UnitLevel, depth: u.depth, local: u.local })),
    parents: units.filter((u) => u.level !== "COMMUNE").map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { units } = await scopedUnits(request);
  const form = await parseRequestForm(request, createUnitSchema);
  if (!form.ok) return invalid(form);
  if (!units.some((u) => u.id === form.data.parentId)) return invalid({ parentId: t("form.invalidChoice") }, { status: 403 });
  const created = await createUnit(form.data);
  if (!created.ok) {
    const errors: Record<string, string> = created.error === "codeTaken" ? { code: t("admin.units.codeTaken") } : { level: t("admin.units.badParent") };
    return invalid(errors, { values: { name: form.data.name, code: form.data.code }, status: 422 });
  }
  return ok({ message: t("admin.units.added") });
}

export default function UnitsPage() {
  const { units, parents, mayLoadCatalogue } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <PageHeader title={t("admin.units.title")} />
      <p className="muted">{t("admin.units.intro")}</p>
      {mayLoadCatalogue ? (
        <p>
          <Link to="/quan-tri/danh-muc-don-vi">{t("admin.units.catalogueLink")}</Link>
        </p>
      ) : null}
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <DataTable
        caption={t("admin.units.title")}
        rows={units}
        rowKey={(u) => u.id}
        columns={[
          {
            header: t("admin.units.name"),
            cell: (u) => (
              <div style={{ paddingLeft: `${u.depth * 1.5}rem` }}>
                {u.name}
                {u.local ? <span className="muted"> ({t("admin.units.local")})</span> : null}
              </div>
            ),
          },
          { header: t("admin.units.level"), cell: (u) => t(`level.${u.level}`) },
          { header: t("admin.units.code"), cell: (u) => <code>{u.code}</code> },
        ]}
      />
      <Card title={t("admin.units.add")}>
        <Form method="post" className="stack" noValidate>
          <p className="muted">{t("admin.units.localHint")}</p>
          <Field label={t("admin.units.name")} name="name" required defaultValue={result.values.name} error={e.name} />
          <Field label={t("admin.units.code")} name="code" required defaultValue={result.values.code} error={e.code} />
          <SelectField
            label={t("admin.units.level")}
            name="level"
            error={e.level}
            options={UNIT_LEVELS.filter((l) => l !== "PROVINCE").map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
          <SelectField label={t("admin.units.parent")} name="parentId" error={e.parentId} options={parents} />
          <div>
            <button type="submit">{t("admin.units.add")}</button>
          </div>
        </Form>
      </Card>
    </>
  );
}
