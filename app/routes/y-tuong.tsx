import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { now } from "~/appraisal/clock.server";
import { vnYear } from "~/i18n/format";
import { orgWhere } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { IdeaForm } from "~/plans/idea-form";
import { planPermissions } from "~/plans/permissions";
import { ideaRefusal, ideaSchema } from "~/plans/schemas.server";
import { ideasIn, orgsIn, registerIdea } from "~/plans/plans.server";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = planPermissions.unitIdeas;

export const meta: MetaFunction = () => [{ title: `${t("plans.idea.unitTitle")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const raw = new URL(request.url).searchParams.get("nam");
  const year = raw && /^\d{4}$/.test(raw) ? Number(raw) : vnYear(now());
  const scope = orgWhere(auth, access); // the producers' organisations within the officer's units
  const [ideas, orgs] = await Promise.all([ideasIn(scope, year), orgsIn(scope)]);
  return {
    year,
    ideaKey: crypto.randomUUID(),
    // no producer preselected: registering an idea for the wrong one would count it in the wrong commune
    orgs: [{ value: "", label: t("plans.idea.chooseProducer") }, ...orgs.map((o) => ({ value: String(o.id), label: `${o.name} — ${o.unit.name}` }))],
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      group: i.ocopGroup ? t(`plans.group.${i.ocopGroup}` as "plans.group.THUC_PHAM") : "",
      org: i.org.name,
      unit: i.org.unit.name,
      registered: formatDate(i.createdAt),
      plan: i.plan ? t(`plans.status.${i.plan.status}` as "plans.status.DRAFT") : t("plans.idea.noPlan"),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, ideaSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  const idea = await registerIdea(orgWhere(auth, access), { ...input, description: input.description ?? "" }, now());
  if (!idea.ok) {
    const refusal = ideaRefusal(idea);
    return invalid(refusal.errors, {
      values: { orgId: String(input.orgId), title: input.title, ocopGroup: input.ocopGroup, description: input.description ?? "" },
      status: refusal.status,
    });
  }
  return ok({ message: t("plans.idea.registered", { title: input.title }) });
}

export default function UnitIdeasPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const v = result.values;
  return (
    <>
      <PageHeader title={t("plans.idea.unitTitle")} />
      <p className="muted">{t("plans.idea.unitIntro")}</p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <Form method="get" className="toolbar">
        <Field label={t("appraisal.stats.year")} name="nam" defaultValue={String(data.year)} inputMode="numeric" maxLength={4} />
        <button type="submit">{t("appraisal.stats.show")}</button>
      </Form>
      <Card title={t("plans.idea.unitList", { year: data.year, count: data.ideas.length })}>
        <DataTable
          caption={t("plans.idea.unitList", { year: data.year, count: data.ideas.length })}
          testId="unit-ideas"
          empty={t("plans.idea.unitNone")}
          columns={[
            { header: t("plans.idea.registeredOn"), cell: (i) => i.registered },
            { header: t("plans.idea.title"), cell: (i) => i.title },
            { header: t("plans.f.ocopGroup"), cell: (i) => i.group },
            { header: t("plans.create.org"), cell: (i) => i.org },
            { header: t("plans.idea.unit"), cell: (i) => i.unit },
            { header: t("plans.idea.plan"), cell: (i) => i.plan },
          ]}
          rows={data.ideas}
          rowKey={(i) => i.id}
        />
      </Card>
      <Card title={t("plans.idea.registerFor")}>
        {data.orgs.length === 1 ? <p>{t("plans.idea.noOrgs")}</p> : <IdeaForm orgs={data.orgs} errors={e} values={v} idempotencyKey={data.ideaKey} />}
      </Card>
    </>
  );
}
