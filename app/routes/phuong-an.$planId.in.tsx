import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reachablePlan } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { planPermissions } from "~/plans/permissions";
import { checkAllSteps } from "~/plans/plans.server";
import { PrintedPlan } from "~/plans/print";
import { planHeading } from "~/plans/heading";

export const access = planPermissions.viewPlans;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t("plans.printTitle")} — ${data?.plan.title ?? ""}` }];

/** The A4 document of a plan: every section, the tables and the self-assessment (@media print in app.css). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { plan } = await reachablePlan(auth, params.planId, access);
  return {
    plan: planHeading(plan),
    printed: formatDate(new Date()),
    steps: checkAllSteps(plan.steps).map((c) => c.values),
  };
}

export default function PrintPlan() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print toolbar">
        <Link className="back-link" to={`/phuong-an/${data.plan.id}`}>
          ← {t("plans.back")}
        </Link>
        <span className="muted">{t("plans.printHint")}</span>
      </p>
      <PrintedPlan plan={data.plan} printed={data.printed} steps={data.steps} />
    </>
  );
}
