import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireUser } from "~/auth/guard.server";
import { invalid, parseRequestForm } from "~/forms/form.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { planPermissions } from "~/plans/permissions";
import { planActionSchema } from "~/plans/schemas.server";
import { checkAllSteps, inviteConsultant, planFor, removeInvite } from "~/plans/plans.server";
import { addComment, caseDetail, caseView, markOverdue, rulesFor, submitPlan } from "~/appraisal/appraisal.server";
import { now } from "~/appraisal/clock.server";
import { AuditTrail, CommentThreads } from "~/appraisal/ui";
import { STEP_COUNT, missingLabels, stepSpec } from "~/plans/steps";
import { Field, FormMessage, actionErrors } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";

export const access = planPermissions.viewPlans;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.plan.title ?? t("plans.title")} · ${t("app.name")}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  let found = await planFor(auth, params.planId);
  if (!found) throw notFound();
  // a missed deadline may have changed the status since the last page that looked
  if (found.plan.status === "SUBMITTED" && (await markOverdue(now(), found.plan.id))) found = (await planFor(auth, params.planId))!;
  const { plan } = found;
  const checks = checkAllSteps(plan.steps);
  const rows = new Map(plan.steps.map((s) => [s.step, s]));
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      status: plan.status,
      statusLabel: t(`plans.status.${plan.status}` as "plans.status.DRAFT"),
      org: plan.org.name,
      orgKind: t(`plans.org.kind.${plan.org.kind}` as "plans.org.kind.HTX"),
      unit: plan.org.unit.name,
    },
    isOwner: found.access === "owner",
    steps: checks.map((c, i) => ({
      n: i + 1,
      title: t(stepSpec(i + 1).title),
      complete: c.complete,
      started: rows.has(i + 1),
      missing: missingLabels(i + 1, c.missing).slice(0, 4),
      updated: rows.get(i + 1) ? formatDateTime(rows.get(i + 1)!.updatedAt) : null,
    })),
    appraisal: await appraisalOf(plan.id, plan.org.unit.path, auth.user.id),
    canComment: found.access === "owner" || plan.status === "DRAFT" || plan.status === "RETURNED",
    invites: found.access === "owner" ? plan.invites.map((i) => ({ userId: i.userId, name: i.user.fullName, contact: i.user.email ?? i.user.phone ?? "" })) : [],
  };
}

async function appraisalOf(planId: number, unitPath: string, viewerId: number) {
  const [detail, rules] = await Promise.all([caseDetail(planId), rulesFor(unitPath)]);
  const view = caseView(detail, { officerNames: rules.showOfficerNames, viewerId, formatWhen: formatDateTime });
  return {
    case: detail.c
      ? { status: detail.c.status, level: t(`level.${detail.c.level}` as "level.COMMUNE"), deadline: formatDateTime(detail.c.deadlineAt), overdue: detail.c.overdue }
      : null,
    ...view,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const found = await planFor(auth, params.planId);
  if (!found) throw notFound();
  const form = await parseRequestForm(request, planActionSchema);
  if (!form.ok) return invalid(form);
  const plan = found.plan;
  if (form.data.intent === "comment") {
    // the producer answers at any time; invited consultants comment on drafts before submission
    if (found.access !== "owner" && plan.status !== "DRAFT" && plan.status !== "RETURNED") return invalid({ errors: { _form: t("appraisal.err.notSubmitted") } }, 403);
    const detail = await caseDetail(plan.id);
    const notifyIds = [plan.org.ownerId, ...plan.invites.map((i) => i.userId), ...detail.comments.map((c) => c.authorId)];
    const added = await addComment(
      plan.id,
      auth.user.id,
      { step: form.data.step, body: form.data.body, parentId: form.data.parentId, versionNumber: detail.c?.versionNumber ?? 0 },
      [...new Set(notifyIds)],
      `/phuong-an/${plan.id}`,
      plan.title,
    );
    if (!added) return invalid({ errors: { parentId: t("form.invalidChoice") } }, 404);
    return { ok: true as const, message: t("appraisal.comment.added") };
  }
  if (found.access !== "owner") throw forbidden();
  if (form.data.intent === "submit") {
    const checks = checkAllSteps(plan.steps);
    const missing = checks.map((c, i) => (c.complete ? null : i + 1)).filter((n): n is number => n !== null);
    if (missing.length) return invalid({ errors: { _form: t("appraisal.submit.incomplete", { list: missing.join(", ") }) }, values: { missing: missing.join(",") } }, 422);
    const outcome = await submitPlan(plan.id, auth.user.id);
    if (!outcome.ok) return invalid({ errors: { _form: t("appraisal.submit.state") } }, 409);
    return { ok: true as const, message: t("appraisal.submit.done", { n: outcome.version }) };
  }
  if (form.data.intent === "invite") {
    const user = await inviteConsultant(found.plan.id, form.data.contact);
    if (!user) return invalid({ errors: { contact: t("plans.invite.notConsultant") } }, 404);
    return { ok: true as const, message: t("plans.invite.done", { name: user.fullName }) };
  }
  await removeInvite(found.plan.id, form.data.userId);
  return { ok: true as const, message: t("plans.invite.removed") };
}

export default function PlanOverview() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = actionErrors(result)?.errors ?? {};
  const done = data.steps.filter((s) => s.complete).length;
  return (
    <>
      <p>
        <Link to="/phuong-an">← {t("plans.backList")}</Link>
      </p>
      <PageHeader title={data.plan.title}>
        <span className="tag">{data.plan.statusLabel}</span>
      </PageHeader>
      <p className="muted">
        {t("plans.owner", { name: `${data.plan.org} (${data.plan.orgKind})` })} · {data.plan.unit}
      </p>
      {result && "message" in result ? <FormMessage tone="success">{result.message}</FormMessage> : null}
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card title={`${t("plans.checklist")} — ${t("plans.progress", { done, total: STEP_COUNT })}`}>
        <progress max={STEP_COUNT} value={done} aria-label={t("plans.progress", { done, total: STEP_COUNT })} />
        <ol className="plan-checklist">
          {data.steps.map((s) => (
            <li key={s.n} className={s.complete ? "is-done" : undefined}>
              <Link to={`/phuong-an/${data.plan.id}/buoc/${s.n}`}>
                <span aria-hidden="true">{s.complete ? "✓" : "○"}</span> {s.title}
              </Link>{" "}
              —{" "}
              {s.complete ? (
                <span className="tag">{t("plans.checklist.done")}</span>
              ) : s.started ? (
                <small>{t("plans.checklist.missing", { list: s.missing.join("; ") })}</small>
              ) : (
                <small className="muted">{t("plans.checklist.empty")}</small>
              )}
            </li>
          ))}
        </ol>
        <p className="toolbar">
          <Link className="button" to={`/phuong-an/${data.plan.id}/buoc/1`}>
            {t("plans.open")}
          </Link>
          <Link className="button button--ghost" to={`/phuong-an/${data.plan.id}/in`}>
            {t("plans.print")}
          </Link>
        </p>
      </Card>
      {data.appraisal.case ? (
        <p className={data.appraisal.case.overdue ? "notice notice--error" : "notice notice--success"} data-testid="appraisal-where">
          {t(`appraisal.status.${data.appraisal.case.status}` as "appraisal.status.SUBMITTED")}
          {data.appraisal.case.status === "SUBMITTED" ? ` — ${t("appraisal.where", { level: data.appraisal.case.level, deadline: data.appraisal.case.deadline })}` : ""}
          {data.appraisal.case.status === "LAPSED" ? ` — ${t("appraisal.lapsedExplained", { level: data.appraisal.case.level })}` : ""}
        </p>
      ) : null}
      {data.isOwner && (data.plan.status === "DRAFT" || data.plan.status === "RETURNED") ? (
        <Card title={t("appraisal.submit.title")}>
          <p className="muted">{t("appraisal.submit.hint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <button type="submit">{data.plan.status === "RETURNED" ? t("appraisal.resubmit.button") : t("appraisal.submit.button")}</button>
          </Form>
        </Card>
      ) : null}
      <Card title={t("appraisal.comments")}>
        <CommentThreads comments={data.appraisal.comments} canComment={data.canComment} errors={e} />
      </Card>
      {data.appraisal.trail.length ? (
        <Card title={t("appraisal.trail")}>
          <AuditTrail rows={data.appraisal.trail} />
        </Card>
      ) : null}
      {data.isOwner ? (
        <Card title={t("plans.invite.title")}>
          <p className="muted">{t("plans.invite.hint")}</p>
          {data.invites.length ? (
            <ul>
              {data.invites.map((i) => (
                <li key={i.userId}>
                  {i.name} ({i.contact}){" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="uninvite" />
                    <input type="hidden" name="userId" value={i.userId} />
                    <button type="submit" className="button button--ghost">
                      {t("plans.invite.remove")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" className="stack narrow" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <Field label={t("plans.invite.who")} name="contact" error={e.contact} maxLength={254} />
            <div>
              <button type="submit">{t("plans.invite.submit")}</button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
