import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useRef, useState } from "react";
import { reachablePlan, reachablePlanStatus } from "~/access/access.server";
import { planReview } from "~/appraisal/appraisal.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formDataToObject } from "~/forms/parse";
import { formatDateTime, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { planPermissions } from "~/plans/permissions";
import { stepMetaSchema } from "~/plans/schemas.server";
import { EDITABLE_STATUSES, checkAllSteps, saveStep } from "~/plans/plans.server";
import {
  INVESTMENT_STEP,
  STEP_COUNT,
  type StepValues,
  checkStored,
  fieldLabel,
  missingLabels,
  nestFormValues,
  parseStep,
  stepSpec,
  toFormValues,
  toStored,
} from "~/plans/steps";
import { StepFields, StepSummaryView } from "~/plans/ui";
import { useAutosave } from "~/plans/use-autosave";
import { FormMessage, readActionResult } from "~/ui/form";
import { BackLink } from "~/ui/page";

export const access = planPermissions.viewPlans;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t("plans.step", { n: data.step })}: ${t(stepSpec(data.step).title)} · ${data.plan.title}` : t("plans.title") },
];

function stepNumber(raw: string | undefined): number {
  const n = /^\d{1,2}$/.test(raw ?? "") ? Number(raw) : 0;
  if (n < 1 || n > STEP_COUNT) throw notFound();
  return n;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const found = await reachablePlan(auth, params.planId, access);
  const n = stepNumber(params.step);
  const { plan } = found;
  const checks = checkAllSteps(plan.steps);
  const row = plan.steps.find((s) => s.step === n);
  const check = checks[n - 1];
  const storedRows: Record<string, number> = {};
  for (const f of stepSpec(n).fields) if (f.kind === "table") storedRows[f.name] = ((check.values[f.name] as unknown[]) ?? []).length;
  const review = await planReview(plan, auth.user.id, formatDateTime);
  return {
    plan: { id: plan.id, title: plan.title, status: plan.status, org: plan.org.name },
    editable: found.via === "owner" && (EDITABLE_STATUSES as readonly string[]).includes(plan.status),
    readOnlyReason: found.via === "consultant" ? "consultant" : plan.status,
    step: n,
    version: row?.version ?? 0,
    savedAt: row ? formatTime(row.updatedAt) : null,
    formValues: toFormValues(n, check.values),
    storedRows,
    checklist: checks.map((c) => c.complete),
    // the reviewers' comments on this step, shown where the producer edits it
    comments: review.view.comments.filter((c) => c.step === n),
    needsLook: [...review.needsLook],
    // what the live summaries need from the other steps
    investment: checks[INVESTMENT_STEP - 1].values,
    values: check.values,
  };
}

const META_KEYS = new Set(["intent", "version", "overwriteVersion"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, planPermissions.editPlans);
  const plan = await reachablePlanStatus(auth, params.planId, planPermissions.editPlans);
  const n = stepNumber(params.step);
  if (!(EDITABLE_STATUSES as readonly string[]).includes(plan.status)) {
    return invalid({ _form: t("plans.locked", { status: t(`plans.status.${plan.status}` as "plans.status.DRAFT") }) }, { status: 409 });
  }
  const form = await parseRequestForm(request, stepMetaSchema);
  if (!form.ok) return invalid(form);
  const flat: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(form.data)) if (!META_KEYS.has(k) && (typeof v === "string" || Array.isArray(v))) flat[k] = v as string | string[];
  const echo = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, (Array.isArray(v) ? v.join("\n") : v).slice(0, 5000)]));
  const parsed = parseStep(n, "draft", nestFormValues(flat));
  if (!parsed.ok) return invalid({ ...parsed.errors, _form: t("plans.notSaved") }, { values: echo });
  const stored = toStored(n, parsed.values);
  const complete = checkStored(n, JSON.stringify(stored));
  const expected = form.data.overwriteVersion ?? form.data.version;
  // Autosaves do not touch the plan row (one UPDATE per keystroke pause); explicit saves do.
  const saved = await saveStep(plan.id, n, expected, stored, complete.complete, auth.user.id, new Date(), form.data.intent === "save");
  if (!saved.ok) {
    const theirs = checkStored(n, saved.conflict.data);
    return invalid(
      {
        _form: t("plans.conflict", {
          who: saved.conflict.by ?? t("plans.someone"),
          time: formatTime(saved.conflict.updatedAt),
          version: saved.conflict.version,
        }),
      },
      { values: echo, status: 409, detail: { conflict: { version: saved.conflict.version, values: toFormValues(n, theirs.values) } } },
    );
  }
  return ok({
    intent: form.data.intent,
    version: saved.version,
    savedAt: formatTime(saved.savedAt),
    complete: complete.complete,
    missing: form.data.intent === "save" ? complete.missing : {},
    missingLabels: form.data.intent === "save" ? missingLabels(n, complete.missing) : [],
  });
}

function readForm(form: HTMLFormElement): Record<string, string | string[]> {
  const flat = formDataToObject(new FormData(form));
  for (const k of META_KEYS) delete flat[k];
  return flat;
}

export default function StepPage() {
  const loaded = useLoaderData<typeof loader>();
  // A navigation (another step, an explicit save, a reload after a conflict) re-mounts the form with the
  // stored values; an autosave does not, so what is typed while it is on its way stays (use-autosave.ts).
  const { key } = useLocation();
  return <StepEditor key={`${loaded.step}:${key}`} />;
}

function StepEditor() {
  const loaded = useLoaderData<typeof loader>();
  const postedAnswer = useActionData<typeof action>();
  const step = stepSpec(loaded.step);
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave({ formRef, version: loaded.version, savedAt: loaded.savedAt, posted: postedAnswer });
  const [live, setLive] = useState<StepValues>(loaded.values);
  // the explicit save's answer, or the autosave's when it is newer
  const posted = readActionResult(postedAnswer);
  const latest = readActionResult(autosave.answer ?? postedAnswer);

  const onChange = () => {
    if (!loaded.editable || !formRef.current) return;
    if (step.summary) {
      const r = parseStep(loaded.step, "draft", nestFormValues(readForm(formRef.current)));
      if (r.ok) setLive(r.values);
    }
    autosave.changed();
  };

  const success = posted.success;
  const errors: Record<string, string | undefined> = { ...(success?.missing ?? {}), ...latest.errors };
  const values = posted.failed ? { ...loaded.formValues, ...posted.values } : loaded.formValues;
  const conflict = latest.detail?.conflict;
  const { savedAt } = autosave;
  const status = autosave.saving
    ? t("plans.saving")
    : latest.failed
      ? null
      : autosave.dirty
        ? t("plans.unsaved")
        : savedAt
          ? t("plans.savedAt", { time: savedAt })
          : null;

  return (
    <div className="plan-layout">
      <nav className="plan-steps" aria-label={t("plans.checklist")}>
        <BackLink to={`/phuong-an/${loaded.plan.id}`}>{t("plans.back")}</BackLink>
        <ol>
          {loaded.checklist.map((done, i) => {
            const look = loaded.needsLook.includes(i + 1);
            return (
              <li key={i} className={i + 1 === loaded.step ? "current" : undefined}>
                <Link
                  to={`/phuong-an/${loaded.plan.id}/buoc/${i + 1}`}
                  aria-current={i + 1 === loaded.step ? "step" : undefined}
                  className={look ? "needs-look" : undefined}
                >
                  <span aria-hidden="true">{look ? "!" : done ? "✓" : "○"}</span> {t(stepSpec(i + 1).title)}
                  <span className="visually-hidden">{look ? ` (${t("plans.checklist.needsLook")})` : done ? ` (${t("plans.checklist.done")})` : ""}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      <div>
        <p className="muted">
          {loaded.plan.title} · {loaded.plan.org} · {t("plans.stepOf", { n: loaded.step, total: STEP_COUNT })}
        </p>
        <h1>{t(step.title)}</h1>
        {loaded.comments.length ? (
          <section className="card step-comments" aria-labelledby="step-comments-title" data-testid="step-comments">
            <h2 id="step-comments-title">{t("plans.stepComments")}</h2>
            {loaded.comments.map((c) => (
              <div key={c.id} className={c.parentId === null ? "comment" : "comment comment--reply"}>
                <p className="muted">
                  {c.parentId === null ? "" : "↳ "}
                  {c.author}, {c.when}
                </p>
                <p className="print-value">{c.body}</p>
              </div>
            ))}
            <p className="muted">{t("plans.stepComments.hint")}</p>
          </section>
        ) : null}
        <details className="card plan-guidance" open>
          <summary>{t("plans.guidance")}</summary>
          <p>{t(step.guidance)}</p>
          <p>
            <strong>{t("plans.example")}:</strong> {t(step.example)}
          </p>
        </details>
        {loaded.editable ? null : (
          <p className="notice notice--warn">
            {loaded.readOnlyReason === "consultant"
              ? t("plans.readOnly")
              : t("plans.locked", { status: t(`plans.status.${loaded.readOnlyReason}` as "plans.status.DRAFT") })}
          </p>
        )}
        <FormMessage tone="error">{latest.errors._form}</FormMessage>
        {success ? (
          <FormMessage tone="success">
            {success.missingLabels.length ? t("plans.stillMissing", { list: success.missingLabels.join("; ") }) : t("plans.stepComplete")}
          </FormMessage>
        ) : null}
        {conflict ? (
          <section className="card conflict" aria-label={t("plans.conflict.theirs")}>
            <h2>{t("plans.conflict.theirs")}</h2>
            <dl className="conflict__values">
              {Object.entries(conflict.values)
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <div key={k}>
                    <dt>{fieldLabel(loaded.step, k)}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
            </dl>
            <p className="toolbar">
              <a className="button button--ghost" href={`/phuong-an/${loaded.plan.id}/buoc/${loaded.step}`}>
                {t("plans.conflict.reload")}
              </a>
              <button type="submit" form="step-form" name="overwriteVersion" value={conflict.version} className="button button--danger">
                {t("plans.conflict.overwrite")}
              </button>
            </p>
          </section>
        ) : null}
        <Form method="post" id="step-form" ref={formRef} className="stack" noValidate onChange={onChange} onSubmit={autosave.cancel}>
          <input type="hidden" name="version" value={autosave.version} />
          <StepFields step={step} values={values} errors={errors} disabled={!loaded.editable} storedRows={loaded.storedRows} live={live} />
          {step.summary ? <StepSummaryView of={step.summary} values={live} investment={loaded.investment} live /> : null}
          {loaded.editable ? (
            <div className="toolbar plan-savebar">
              <button type="submit" name="intent" value="save">
                {t("plans.save")}
              </button>
              <span role="status" className="muted" data-testid="save-status">
                {status}
              </span>
            </div>
          ) : null}
        </Form>
        <p className="toolbar">
          {loaded.step > 1 ? (
            <Link className="button button--ghost" to={`/phuong-an/${loaded.plan.id}/buoc/${loaded.step - 1}`}>
              {t("plans.prev")}
            </Link>
          ) : null}
          {loaded.step < STEP_COUNT ? (
            <Link className="button button--ghost" to={`/phuong-an/${loaded.plan.id}/buoc/${loaded.step + 1}`}>
              {t("plans.next")}
            </Link>
          ) : null}
        </p>
      </div>
    </div>
  );
}
