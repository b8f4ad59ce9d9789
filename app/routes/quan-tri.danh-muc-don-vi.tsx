import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireProvinceGrant } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatNumber } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";
import { catalogueProvinces, loadAllProvinces, loadNamedProvince } from "~/units/catalogue.server";
import { unitPermissions } from "~/units/permissions";
import { catalogueActionSchema } from "~/units/schemas.server";

export const access = unitPermissions.loadCatalogue;

export const meta: MetaFunction = () => [{ title: `${t("admin.catalogue.title")} · ${t("app.name")}` }];

/** `?tim=`: the search, at most a province's name long. */
const searchOf = (request: Request) => (new URL(request.url).searchParams.get("tim") ?? "").slice(0, 80);

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireProvinceGrant(await requireUser(request, access, context), access);
  const search = searchOf(request);
  return { search, provinces: await catalogueProvinces(search) };
}

export async function action({ request }: ActionFunctionArgs) {
  requireProvinceGrant(await requireUser(request, access), access);
  const form = await parseRequestForm(request, catalogueActionSchema);
  if (!form.ok) return invalid(form);
  if (form.data.intent === "loadAll") return ok({ message: t("admin.catalogue.allDone", { count: formatNumber(await loadAllProvinces()) }) });
  const loaded = await loadNamedProvince(form.data.province);
  if (!loaded.ok) {
    const message = loaded.error === "unknown" ? t("admin.catalogue.unknown") : t("admin.catalogue.several", { names: loaded.names.join(", ") });
    return invalid({ province: message }, { values: { province: form.data.province }, status: 422 });
  }
  const message = loaded.created
    ? t("admin.catalogue.done", { name: loaded.name, count: formatNumber(loaded.created) })
    : t("admin.catalogue.already", { name: loaded.name });
  return ok({ message });
}

export default function CataloguePage() {
  const { search, provinces } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("admin.catalogue.title")} />
      <p className="muted">{t("admin.catalogue.intro")}</p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <Card title={t("admin.catalogue.loadOne")}>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="load" />
          <Field
            label={t("admin.catalogue.province")}
            name="province"
            required
            hint={t("admin.catalogue.searchHint")}
            defaultValue={result.values.province}
            error={result.errors.province}
          />
          <div>
            <button type="submit" disabled={busy}>
              {t("admin.catalogue.loadButton")}
            </button>
          </div>
        </Form>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="loadAll" />
          <p className="muted">{t("admin.catalogue.loadAllHint")}</p>
          <div>
            <button type="submit" className="button button--ghost" disabled={busy}>
              {t("admin.catalogue.loadAll")}
            </button>
          </div>
        </Form>
      </Card>
      <Form method="get" className="stack" role="search">
        <Field label={t("admin.catalogue.search")} name="tim" type="search" defaultValue={search} />
        <div>
          <button type="submit" className="button button--ghost">
            {t("admin.catalogue.searchButton")}
          </button>
        </div>
      </Form>
      <DataTable
        caption={t("admin.catalogue.title")}
        rows={provinces}
        rowKey={(p) => p.code}
        empty={t("admin.catalogue.none")}
        testId="catalogue-provinces"
        columns={[
          { header: t("admin.catalogue.code"), cell: (p) => <code>{p.code}</code> },
          { header: t("admin.catalogue.name"), cell: (p) => p.name },
          { header: t("admin.catalogue.communes"), cell: (p) => formatNumber(p.communes) },
          {
            header: t("admin.catalogue.status"),
            cell: (p) =>
              p.loaded ? (
                t("admin.catalogue.loaded")
              ) : (
                <Form method="post">
                  {t("admin.catalogue.notLoaded")} <input type="hidden" name="intent" value="load" />
                  <input type="hidden" name="province" value={p.code} />
                  <button type="submit" className="button button--ghost" disabled={busy}>
                    {t("admin.catalogue.loadButton")} <span className="visually-hidden">{p.name}</span>
                  </button>
                </Form>
              ),
          },
        ]}
      />
    </>
  );
}
