import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { orgWhere, planWhere } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { planPermissions } from "~/plans/permissions";
import { ideaRefusal, planListActionSchema } from "~/plans/schemas.server";
import { createOrg, createPlanFromIdea, ideasIn, orgsOf, plansIn, registerIdea } from "~/plans/plans.server";
import { IdeaForm } from "~/plans/idea-form";
import { ORG_KINDS, STEP_COUNT } from "~/plans/steps";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable, Subtitled } from "~/ui/table";

export const access = planPermissions.viewPlans;

export const meta: MetaFunction = () => [{ title: `${t("plans.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const isProducer = auth.user.grants.some((g) => g.role === "producer");
  const own = orgWhere(auth, planPermissions.editPlans);
  const [plans, orgs, ideas] = await Promise.all([plansIn(planWhere(auth, access)), isProducer ? orgsOf(own) : [], isProducer ? ideasIn(own) : []]);
  const row = (p: (typeof plans)[number]) => ({
    id: p.id,
    title: p.title,
    org: p.org.name,
    status: t(`plans.status.${p.status}` as "plans.status.DRAFT"),
    updated: formatDate(p.updatedAt),
    done: p.steps.filter((s) => s.complete).length,
  });
  return {
    isProducer,
    ideaKey: crypto.randomUUID(),
    mine: plans.filter((p) => p.org.ownerId === auth.user.id).map(row),
    invited: plans.filter((p) => p.org.ownerId !== auth.user.id).map(row),
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, kind: t(`plans.org.kind.${o.kind}` as "plans.org.kind.HTX"), address: o.address })),
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      group: i.ocopGroup ? t(`plans.group.${i.ocopGroup}` as "plans.group.THUC_PHAM") : "",
      org: i.org.name,
      registered: formatDate(i.createdAt),
      planId: i.plan?.id ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, planPermissions.editPlans);
  const form = await parseRequestForm(request, planListActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  if (input.intent === "createOrg") {
    // The organisation sits in the commune where the producer holds the role.
    const grant = auth.user.grants.find((g) => g.role === "producer");
    if (!grant) return invalid({ _form: t("plans.org.noUnit") }, { status: 403 });
    await createOrg({ name: input.name, kind: input.kind, address: input.address, unitId: grant.unitId, ownerId: auth.user.id });
    return ok({ message: t("plans.org.created") });
  }
  if (input.intent === "registerIdea") {
    const idea = await registerIdea(orgWhere(auth, planPermissions.editPlans), {
      orgId: input.orgId,
      title: input.title,
      ocopGroup: input.ocopGroup,
      description: input.description ?? "",
      idempotencyKey: input.idempotencyKey,
    });
    if (!idea.ok) {
      const refusal = ideaRefusal(idea);
      return invalid(refusal.errors, {
        values: { orgId: String(input.orgId), title: input.title, ocopGroup: input.ocopGroup, description: input.description ?? "" },
        status: refusal.status,
      });
    }
    return ok({ message: t("plans.idea.registered", { title: input.title }) });
  }
  const plan = await createPlanFromIdea(input.ideaId, orgWhere(auth, planPermissions.editPlans), auth.user.id);
  if (!plan) return invalid({ _form: t("plans.idea.notFound") }, { status: 404 });
  return redirect(`/phuong-an/${plan.id}/buoc/1`);
}

function PlanList({ caption, rows }: { caption: string; rows: { id: number; title: string; org: string; status: string; updated: string; done: number }[] }) {
  return (
    <DataTable
      caption={caption}
      empty={t("plans.none")}
      columns={[
        {
          header: t("plans.create.title"),
          cell: (p) => <Subtitled main={<Link to={`/phuong-an/${p.id}`}>{p.title}</Link>} sub={t("plans.updated", { date: p.updated })} />,
        },
        { header: t("plans.create.org"), cell: (p) => p.org },
        { header: t("plans.status"), cell: (p) => <span className="tag">{p.status}</span> },
        { header: t("plans.checklist"), cell: (p) => t("plans.progress", { done: p.done, total: STEP_COUNT }) },
      ]}
      rows={rows}
      rowKey={(p) => p.id}
    />
  );
}

function IdeaList({
  ideas,
  showOrg,
}: {
  ideas: { id: number; title: string; group: string; org: string; registered: string; planId: number | null }[];
  showOrg: boolean;
}) {
  return (
    <DataTable
      caption={t("plans.idea.list")}
      testId="ideas"
      empty={t("plans.idea.none")}
      columns={[
        { header: t("plans.idea.title"), cell: (i) => <Subtitled main={i.title} sub={showOrg ? `${i.group} · ${i.org}` : i.group} /> },
        { header: t("plans.idea.registeredOn"), cell: (i) => i.registered },
        {
          header: t("plans.idea.plan"),
          cell: (i) =>
            i.planId ? (
              <Link to={`/phuong-an/${i.planId}`}>{t("plans.idea.openPlan")}</Link>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="createPlan" />
                <input type="hidden" name="ideaId" value={i.id} />
                <button type="submit">{t("plans.create")}</button>
              </Form>
            ),
        },
      ]}
      rows={ideas}
      rowKey={(i) => i.id}
    />
  );
}

export default function PlansPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const v = result.values;
  return (
    <>
      <PageHeader title={t("plans.title")} />
      <p className="muted">{t("plans.intro")}</p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      {data.isProducer ? (
        <Card title={t("plans.idea.list")}>
          <IdeaList ideas={data.ideas} showOrg={data.orgs.length > 1} />
        </Card>
      ) : null}
      {data.isProducer ? (
        <Card title={t("plans.mine")}>
          <PlanList caption={t("plans.mine")} rows={data.mine} />
        </Card>
      ) : null}
      {data.invited.length || !data.isProducer ? (
        <Card title={t("plans.invited")}>
          <PlanList caption={t("plans.invited")} rows={data.invited} />
        </Card>
      ) : null}
      {data.isProducer ? (
        <div className="grid grid--wide">
          <Card title={t("plans.idea.register")}>
            <p className="muted">{t("plans.idea.registerHint")}</p>
            {data.orgs.length === 0 ? (
              <p>{t("plans.org.none")}</p>
            ) : (
              <IdeaForm
                intent="registerIdea"
                orgs={data.orgs.map((o) => ({ value: String(o.id), label: o.name }))}
                errors={e}
                values={v}
                idempotencyKey={data.ideaKey}
              />
            )}
          </Card>
          <Card title={t("plans.orgs")}>
            <ul>
              {data.orgs.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong> — {o.kind}
                  <br />
                  <small className="muted">{o.address}</small>
                </li>
              ))}
            </ul>
            <h3>{t("plans.org.create")}</h3>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="createOrg" />
              <Field label={t("plans.org.name")} name="name" error={e.name} defaultValue={v.name} maxLength={200} />
              <SelectField
                label={t("plans.org.kind")}
                name="kind"
                error={e.kind}
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`plans.org.kind.${k}`) }))}
              />
              <Field label={t("plans.org.address")} name="address" error={e.address} defaultValue={v.address} maxLength={300} />
              <div>
                <button type="submit">{t("plans.org.create")}</button>
              </div>
            </Form>
          </Card>
        </div>
      ) : null}
    </>
  );
}
