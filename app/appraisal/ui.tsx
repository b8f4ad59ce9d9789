/** Shared pieces of the appraisal pages (no server imports). */
import { Form } from "@remix-run/react";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { STEP_COUNT, stepSpec } from "~/plans/steps";
import { TextAreaField, SelectField } from "~/ui/form";
import { DataTable } from "~/ui/table";

export type TrailRow = { id: number; when: string; who: string; action: string; from: string; to: string; reason: string };

export function AuditTrail({ rows }: { rows: TrailRow[] }) {
  return (
    <DataTable
      caption={t("appraisal.trail")}
      testId="audit-trail"
      columns={[
        { header: t("appraisal.trail.when"), cell: (r) => r.when },
        { header: t("appraisal.trail.who"), cell: (r) => r.who },
        { header: t("appraisal.trail.what"), cell: (r) => r.action },
        { header: t("appraisal.trail.from"), cell: (r) => r.from },
        { header: t("appraisal.trail.to"), cell: (r) => r.to },
        { header: t("appraisal.reason"), cell: (r) => r.reason },
      ]}
      rows={rows}
      rowKey={(r) => r.id}
    />
  );
}

export type CommentRow = { id: number; step: number; parentId: number | null; author: string; when: string; body: string };

export function CommentThreads({ comments, canComment, errors }: { comments: CommentRow[]; canComment: boolean; errors: Record<string, string | undefined> }) {
  const roots = comments.filter((c) => c.parentId === null);
  return (
    <div className="stack">
      {roots.length === 0 ? <p className="muted">{t("appraisal.comment.none")}</p> : null}
      {roots.map((c) => (
        <article key={c.id} className="comment">
          <p>
            <strong>
              {t("plans.step", { n: c.step })}: {t(stepSpec(c.step).title)}
            </strong>{" "}
            — {c.author}, {c.when}
          </p>
          <p className="print-value">{c.body}</p>
          {comments
            .filter((r) => r.parentId === c.id)
            .map((r) => (
              <div key={r.id} className="comment comment--reply">
                <p>
                  ↳ {r.author}, {r.when}
                </p>
                <p className="print-value">{r.body}</p>
              </div>
            ))}
          {canComment ? (
            <Form method="post" className="stack comment--reply">
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="step" value={c.step} />
              <input type="hidden" name="parentId" value={c.id} />
              <TextAreaField label={`${t("appraisal.comment.reply")} (${c.author})`} name="body" rows={2} maxLength={2000} />
              <div>
                <button type="submit" className="button button--ghost">
                  {t("appraisal.comment.reply")}
                </button>
              </div>
            </Form>
          ) : null}
        </article>
      ))}
      {canComment ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="comment" />
          <SelectField
            label={t("appraisal.comment.step")}
            name="step"
            error={errors.step}
            options={Array.from({ length: STEP_COUNT }, (_, i) => ({ value: String(i + 1), label: `${i + 1}. ${t(stepSpec(i + 1).title)}` }))}
          />
          <TextAreaField label={t("appraisal.comment.body")} name="body" rows={3} maxLength={2000} error={errors.body} />
          <div>
            <button type="submit">{t("appraisal.comment.add")}</button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
