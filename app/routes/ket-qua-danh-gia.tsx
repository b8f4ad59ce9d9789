import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { caseWhere } from "~/access/access.server";
import { approvedIn, recordResult } from "~/appraisal/appraisal.server";
import { appraisalPermissions } from "~/appraisal/permissions";
import { resultSchema } from "~/appraisal/schemas.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { starsFor } from "~/ocop/scoring";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = appraisalPermissions.recordResult;

export const meta: MetaFunction = () => [{ title: `${t("appraisal.result.title")} · ${t("app.name")}` }];

/** Admins record the council's official score and star for approved products of their units. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const cases = await approvedIn(caseWhere(auth, access));
  return { rows: cases.map((c) => ({ planId: c.planId, title: c.plan.title, year: c.year, score: c.officialScore, stars: c.officialStars })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, resultSchema);
  if (!form.ok) return invalid(form);
  const inScope = await approvedIn(caseWhere(auth, access));
  if (!inScope.some((c) => c.planId === form.data.planId)) return invalid({ _form: t("appraisal.result.notApproved") }, { status: 404 });
  const stars = starsFor(form.data.score);
  await recordResult(form.data.planId, auth.user.id, form.data.score, stars);
  return ok({ message: t("appraisal.result.saved") });
}

export default function Results() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <PageHeader title={t("appraisal.result.title")} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form ?? e.score}</FormMessage>
      <h2>{t("appraisal.result.list")}</h2>
      <DataTable
        caption={t("appraisal.result.list")}
        empty={t("appraisal.result.none")}
        columns={[
          { header: t("appraisal.plan"), cell: (r) => r.title },
          { header: t("appraisal.stats.year"), cell: (r) => r.year },
          {
            header: t("appraisal.result.title"),
            cell: (r) => (
              <>
                {r.score !== null ? <p>{t("appraisal.result.current", { score: r.score, stars: r.stars ?? "" })}</p> : null}
                <Form method="post" className="toolbar">
                  <input type="hidden" name="planId" value={r.planId} />
                  <Field label={`${t("appraisal.result.score")} (${r.title})`} name="score" inputMode="decimal" maxLength={6} />
                  <button type="submit">{t("appraisal.result.save")}</button>
                </Form>
              </>
            ),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.planId}
      />
    </>
  );
}
