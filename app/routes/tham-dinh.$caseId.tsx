import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { actsOnCase, reachableCase } from "~/access/access.server";
import { addComment, caseDetail, caseView, decideCase, decisionsOpenTo, planOfCase, previewDecision } from "~/appraisal/appraisal.server";
import { now } from "~/appraisal/clock.server";
import { clockOf } from "~/appraisal/deadline";
import { diffVersions, versionSteps } from "~/appraisal/diff";
import { appraisalPermissions } from "~/appraisal/permissions";
import { rulesFor } from "~/appraisal/rules.server";
import { AuditTrail, CommentThreads } from "~/appraisal/ui";
import { caseActionSchema } from "~/appraisal/schemas.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { PrintedPlan } from "~/plans/print";
import { checkStored } from "~/plans/steps";
import { FormMessage, SelectField, TextAreaField, useActionResult } from "~/ui/form";
import { BackLink, Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";
import { planHeading } from "~/plans/heading";

export const access = appraisalPermissions.appraise;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? t("appraisal.case.title", { title: data.plan.title }) : t("appraisal.nav") }];

/**
 * The case, when the appraiser's units cover the producer's unit (any level, to read the history);
 * 404 otherwise. Deciding and commenting need more: the case open at the appraiser's level (`acts`).
 */
async function load(request: Request, rawId: string | undefined, context?: object) {
  const auth = await requireUser(request, access, context);
  const { planId } = await reachableCase(auth, rawId, access);
  const detail = await caseDetail(planId, now());
  return { auth, planId, detail, acts: actsOnCase(auth, detail.c!) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, planId, detail, acts } = await load(request, params.caseId, context);
  const c = detail.c!;
  const plan = await planOfCase(planId);
  const url = new URL(request.url);
  const latest = detail.versions[detail.versions.length - 1];
  const pick = (raw: string | null, fallback: number) => (raw && /^\d{1,4}$/.test(raw) ? Number(raw) : fallback);
  const fromN = pick(url.searchParams.get("tu"), Math.max(1, (latest?.number ?? 1) - 1));
  const toN = pick(url.searchParams.get("den"), latest?.number ?? 1);
  const vFrom = detail.versions.find((v) => v.number === fromN);
  const vTo = detail.versions.find((v) => v.number === toN);
  const frozen = latest ? versionSteps(latest.data) : {};
  const [decisions, rules] = await Promise.all([decisionsOpenTo(auth, c), rulesFor(c.unitPath)]);
  const clock = clockOf(c, rules, now());
  const level = t(`level.${c.level}` as "level.COMMUNE");
  const view = caseView(detail, { officerNames: true, viewerId: auth.user.id, formatWhen: formatDateTime });
  return {
    plan: planHeading(plan),
    c: {
      status: c.status,
      statusLabel: t(`appraisal.status.${c.status}` as "appraisal.status.SUBMITTED"),
      level,
      received: formatDateTime(c.receivedAt),
      deadline: formatDateTime(c.deadlineAt),
      overdue: clock.kind === "running" && clock.left.overdue,
      clockStopped: clock.kind === "stopped",
      left: clockText(clock),
      clockNote: clock.kind === "stopped" ? t(`appraisal.clock.${clock.rule}`, { level, days: clock.daysOnResubmit }) : "",
      revision: c.revision,
      versionNumber: c.versionNumber,
    },
    canComment: acts,
    decisions: decisions.map((d) => ({ value: d, label: t(`appraisal.decision.${d}` as "appraisal.decision.FORWARD") })),
    versions: detail.versions.map((v) => ({ number: v.number, when: formatDateTime(v.createdAt) })),
    diff:
      vFrom && vTo && vFrom.number !== vTo.number
        ? { from: vFrom.number, to: vTo.number, steps: diffVersions(versionSteps(vFrom.data), versionSteps(vTo.data)) }
        : null,
    steps: Array.from({ length: 12 }, (_, i) => checkStored(i + 1, JSON.stringify(frozen[i + 1] ?? {})).values),
    printed: formatDate(now()),
    ...view,
  };
}

function clockText(clock: ReturnType<typeof clockOf>): string {
  if (clock.kind === "stopped") return t("appraisal.clock.stopped");
  if (clock.kind === "closed") return "";
  const { overdue, days, hours } = clock.left;
  return overdue ? t("appraisal.overdueBy", { days, hours }) : t("appraisal.left", { days, hours });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, planId, detail, acts } = await load(request, params.caseId);
  const form = await parseRequestForm(request, caseActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  const plan = await planOfCase(planId);
  if (input.intent === "comment") {
    // comments follow the decision rule: only the officer holding the open case at their level
    if (!acts) throw forbidden();
    await addComment(
      planId,
      auth.user.id,
      { step: input.step, body: input.body, parentId: input.parentId, versionNumber: detail.c!.versionNumber },
      [plan.org.ownerId],
      `/phuong-an/${planId}`,
      plan.title,
    );
    return ok({ message: t("appraisal.comment.added") });
  }
  const decision = { decision: input.decision, reason: input.reason ?? "", revision: input.revision, versionNumber: input.version };
  const outcome = input.confirm ? await decideCase(planId, auth, decision) : await previewDecision(planId, auth, decision);
  if (!outcome.ok) {
    const field = outcome.error === "reasonRequired" ? "reason" : "_form";
    const status = outcome.error === "stale" ? 409 : outcome.error === "forbidden" ? 403 : outcome.error === "reasonRequired" ? 400 : 422;
    return invalid(
      { [field]: t(`appraisal.err.${outcome.error}` as "appraisal.err.stale") },
      { values: { decision: input.decision, reason: decision.reason }, status: status },
    );
  }
  if ("consequence" in outcome) {
    const label = t(`appraisal.decision.${input.decision}` as "appraisal.decision.FORWARD");
    return ok({
      confirm: { decision: input.decision, label, reason: decision.reason, consequence: outcome.consequence, revision: input.revision, version: input.version },
    });
  }
  return ok({ message: t("appraisal.decided", { decision: t(`appraisal.decision.${input.decision}` as "appraisal.decision.FORWARD") }) });
}

export default function CasePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const done = result.success;
  const confirm = done && "confirm" in done ? done.confirm : null;
  return (
    <>
      <BackLink to="/tham-dinh" className="no-print">
        {t("appraisal.queue.title")}
      </BackLink>
      <PageHeader title={t("appraisal.case.title", { title: data.plan.title })}>
        <span className={data.c.overdue ? "tag tag--off" : "tag"}>{data.c.overdue ? t("appraisal.overdue") : data.c.statusLabel}</span>
      </PageHeader>
      <p>
        {t("appraisal.case.status", { status: data.c.statusLabel, level: data.c.level })} ·{" "}
        {t("appraisal.case.deadline", { received: data.c.received, deadline: data.c.deadline })} ·{" "}
        <strong className={data.c.overdue ? "overdue" : undefined} data-testid="case-clock">
          {data.c.left}
        </strong>
      </p>
      {data.c.clockNote ? <p className="muted">{data.c.clockNote}</p> : null}
      <FormMessage tone="success">{done && "message" in done ? done.message : null}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      {confirm ? (
        <Card title={t("appraisal.confirm.title", { decision: confirm.label })}>
          <Form method="post" className="stack" data-testid="decision-confirm">
            <p className="notice notice--warn">{confirm.consequence}</p>
            {confirm.reason ? (
              <p className="print-value">
                {t("appraisal.reason")}: {confirm.reason}
              </p>
            ) : null}
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="decision" value={confirm.decision} />
            <input type="hidden" name="reason" value={confirm.reason} />
            <input type="hidden" name="revision" value={confirm.revision} />
            <input type="hidden" name="version" value={confirm.version} />
            <input type="hidden" name="confirm" value="yes" />
            <p className="toolbar">
              <button type="submit" className={confirm.decision === "REJECT" ? "button button--danger" : undefined}>
                {t("appraisal.confirm.button", { decision: confirm.label })}
              </button>
              <Link className="button button--ghost" to={`/tham-dinh/${data.plan.id}`}>
                {t("appraisal.confirm.back")}
              </Link>
            </p>
          </Form>
        </Card>
      ) : data.decisions.length ? (
        <Card title={t("appraisal.decide")}>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="revision" value={data.c.revision} />
            <input type="hidden" name="version" value={data.c.versionNumber} />
            <SelectField
              label={t("appraisal.decide")}
              name="decision"
              error={e.decision}
              defaultValue={result.values.decision ?? ""}
              options={[{ value: "", label: t("appraisal.decision.choose") }, ...data.decisions]}
            />
            <TextAreaField
              label={t("appraisal.reason")}
              hint={t("appraisal.reasonHint")}
              name="reason"
              error={e.reason}
              defaultValue={result.values.reason}
              rows={3}
              maxLength={2000}
            />
            <div>
              <button type="submit">{t("appraisal.decide")}</button>
            </div>
          </Form>
        </Card>
      ) : null}
      <Card title={t("appraisal.comments")}>
        <CommentThreads comments={data.comments} canComment={data.canComment} errors={e} />
      </Card>
      <Card title={t("appraisal.trail")}>
        <AuditTrail rows={data.trail} />
      </Card>
      <Card title={t("appraisal.versions")}>
        <ul>
          {data.versions.map((v) => (
            <li key={v.number}>
              {t("appraisal.version", { n: v.number })} — {v.when}
            </li>
          ))}
        </ul>
        {data.versions.length > 1 ? (
          <Form method="get" className="toolbar">
            <SelectField
              label={t("appraisal.diff.from")}
              name="tu"
              defaultValue={String(data.diff?.from ?? 1)}
              options={data.versions.map((v) => ({ value: String(v.number), label: String(v.number) }))}
            />
            <SelectField
              label={t("appraisal.diff.to")}
              name="den"
              defaultValue={String(data.diff?.to ?? data.versions.length)}
              options={data.versions.map((v) => ({ value: String(v.number), label: String(v.number) }))}
            />
            <button type="submit">{t("appraisal.diff.show")}</button>
          </Form>
        ) : null}
        {data.diff ? (
          <section data-testid="version-diff">
            <h3>
              {t("appraisal.diff")}: {data.diff.from} → {data.diff.to}
            </h3>
            {data.diff.steps.length === 0 ? <p>{t("appraisal.diff.none")}</p> : null}
            {data.diff.steps.map((s) => (
              <DataTable
                key={s.step}
                caption={t("plans.step", { n: s.step })}
                showCaption
                columns={[
                  { header: t("appraisal.diff.field"), cell: (c) => c.label },
                  { header: t("appraisal.diff.from"), cell: (c) => <del>{c.before}</del> },
                  { header: t("appraisal.diff.to"), cell: (c) => <ins>{c.after}</ins> },
                ]}
                rows={s.changes}
                rowKey={(c) => c.key}
              />
            ))}
          </section>
        ) : null}
      </Card>
      <h2>{t("appraisal.frozen", { n: data.c.versionNumber })}</h2>
      <PrintedPlan plan={data.plan} printed={data.printed} steps={data.steps} />
    </>
  );
}
