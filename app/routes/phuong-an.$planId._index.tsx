import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachablePlan } from "~/access/access.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { planPermissions } from "~/plans/permissions";
import { planActionSchema } from "~/plans/schemas.server";
import { checkAllSteps, inviteConsultant, removeInvite } from "~/plans/plans.server";
import { addComment, caseDetail, planReview, submitPlan } from "~/appraisal/appraisal.server";
import { AuditTrail, CommentThreads } from "~/appraisal/ui";
import { canCommentOnPlan, statusTone } from "~/plans/review";
import { STEP_COUNT, missingLabels, stepSpec } from "~/plans/steps";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { BackLink, Card, PageHeader } from "~/ui/page";

export const access = planPermissions.viewPlans;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.plan.title ?? t("plans.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const found = await reachablePlan(auth, params.planId, access);
  const { plan } = found;
  const checks = checkAllSteps(plan.steps);
  const rows = new Map(plan.steps.map((s) => [s.step, s]));
  const review = await planReview(plan, auth.user.id, formatDateTime);
  const c = review.detail.c;
  const status = review.planStatus; // a missed deadline shows at once, before the sweep writes it
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      status,
      statusLabel: t(`plans.status.${status}` as "plans.status.DRAFT"),
      org: plan.org.name,
      orgKind: t(`plans.org.kind.${plan.org.kind}` as "plans.org.kind.HTX"),
      unit: plan.org.unit.name,
    },
    statusTone: statusTone(status),
    returned: review.returned,
    isOwner: found.via === "owner",
    steps: checks.map((check, i) => ({
      n: i + 1,
      title: t(stepSpec(i + 1).title),
      complete: check.complete,
      started: rows.has(i + 1),
      missing: missingLabels(i + 1, check.missing).slice(0, 4),
      needsLook: review.needsLook.has(i + 1),
      updated: rows.get(i + 1) ? formatDateTime(rows.get(i + 1)!.updatedAt) : null,
    })),
    appraisal: {
      case: c ? { status: c.status, level: t(`level.${c.level}` as "level.COMMUNE"), deadline: formatDateTime(c.deadlineAt), overdue: c.overdue } : null,
      ...review.view,
    },
    canComment: canCommentOnPlan(found.via, plan.status),
    invites: found.via === "owner" ? plan.invites.map((i) => ({ userId: i.userId, name: i.user.fullName, contact: i.user.email ?? i.user.phone ?? "" })) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const found = await reachablePlan(auth, params.planId, access);
  const form = await parseRequestForm(request, planActionSchema);
  if (!form.ok) return invalid(form);
  const plan = found.plan;
  if (form.data.intent === "comment") {
    if (!canCommentOnPlan(found.via, plan.status)) return invalid({ _form: t("appraisal.err.notSubmitted") }, { status: 403 });
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
    if (!added) return invalid({ parentId: t("form.invalidChoice") }, { status: 404 });
    return ok({ message: t("appraisal.comment.added") });
  }
  if (found.via !== "owner") throw forbidden();
  if (form.data.intent === "submit") {
    const checks = checkAllSteps(plan.steps);
    const missing = checks.map((c, i) => (c.complete ? null : i + 1)).filter((n): n is number => n !== null);
    if (missing.length)
      return invalid({ _form: t("appraisal.submit.incomplete", { list: missing.join(", ") }) }, { values: { missing: missing.join(",") }, status: 422 });
    const outcome = await submitPlan(plan.id, auth.user.id);
    if (!outcome.ok) return invalid({ _form: t("appraisal.submit.state") }, { status: 409 });
    return ok({ message: t("appraisal.submit.done", { n: outcome.version }) });
  }
  if (form.data.intent === "invite") {
    const user = await inviteConsultant(found.plan.id, form.data.contact);
    if (!user) return invalid({ contact: t("plans.invite.notConsultant") }, { status: 404 });
    return ok({ message: t("plans.invite.done", { name: user.fullName }) });
  }
  await removeInvite(found.plan.id, form.data.userId);
  return ok({ message: t("plans.invite.removed") });
}

export default function PlanOverview() {
  const data = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const done = data.steps.filter((s) => s.complete).length;
  const toLook = data.steps.filter((s) => s.needsLook);
  const where = data.appraisal.case;
  const whereTone = where?.overdue ? "error" : where ? { neutral: "info", warn: "warn", error: "error", success: "success" }[data.statusTone] : "info";
  return (
    <>
      <BackLink to="/phuong-an">{t("plans.backList")}</BackLink>
      <PageHeader title={data.plan.title}>
        <span className={`tag tag--${data.statusTone}`} data-testid="plan-status">
          {data.plan.statusLabel}
        </span>
      </PageHeader>
      {data.returned ? (
        <section className="notice notice--warn" data-testid="return-reason">
          <p>
            <strong>{t("plans.returned.title")}</strong> — {t("plans.returned.by", { who: data.returned.who, when: data.returned.when })}
          </p>
          <p>
            {t("plans.returned.reason")}: <span className="print-value">{data.returned.reason}</span>
          </p>
          {toLook.length ? (
            <p>
              {t("plans.returned.steps")}{" "}
              {toLook.map((s, i) => (
                <span key={s.n}>
                  {i ? ", " : ""}
                  <Link to={`/phuong-an/${data.plan.id}/buoc/${s.n}`}>{`${s.n}. ${s.title}`}</Link>
                </span>
              ))}
            </p>
          ) : null}
          <p>{t("appraisal.clock.producer")}</p>
        </section>
      ) : null}
      <p className="muted">
        {t("plans.owner", { name: `${data.plan.org} (${data.plan.orgKind})` })} · {data.plan.unit}
      </p>
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      <Card
        title={`${t("plans.checklist")} — ${t("plans.progress", { done, total: STEP_COUNT })}${toLook.length ? ` · ${t("plans.checklist.needsLookCount", { count: toLook.length })}` : ""}`}
      >
        <progress max={STEP_COUNT} value={done} aria-label={t("plans.progress", { done, total: STEP_COUNT })} />
        <ol className="plan-checklist">
          {data.steps.map((s) => (
            <li key={s.n} className={s.complete && !s.needsLook ? "is-done" : undefined}>
              <Link to={`/phuong-an/${data.plan.id}/buoc/${s.n}`}>
                <span aria-hidden="true">{s.needsLook ? "!" : s.complete ? "✓" : "○"}</span> {s.title}
              </Link>{" "}
              —{" "}
              {s.needsLook ? (
                <span className="tag tag--warn">{t("plans.checklist.needsLook")}</span>
              ) : s.complete ? (
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
        <p className={`notice notice--${whereTone}`} data-testid="appraisal-where">
          {t(`appraisal.status.${data.appraisal.case.status}` as "appraisal.status.SUBMITTED")}
          {data.appraisal.case.status === "SUBMITTED"
            ? ` — ${t("appraisal.where", { level: data.appraisal.case.level, deadline: data.appraisal.case.deadline })}`
            : ""}
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
                  <ActionButton intent="uninvite" id={{ name: "userId", value: i.userId }}>
                    {t("plans.invite.remove")}
                  </ActionButton>
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
