import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { appraisalPermissions } from "~/appraisal/permissions";
import { statRows } from "~/appraisal/stats-table";
import { statsFor, statsQuery } from "~/appraisal/stats.server";
import { requireUser } from "~/auth/guard.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, SelectField } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";
import { indentedLabel } from "~/units/tree";
import { Downloads } from "~/exports/ui";

export const access = appraisalPermissions.statistics;

export const meta: MetaFunction = () => [{ title: `${t("appraisal.stats.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const url = new URL(request.url);
  const stats = await statsFor(auth, statsQuery(url.searchParams));
  if (!stats) return { stats: null, rows: [], units: [] };
  return {
    stats,
    rows: statRows(stats),
    units: stats.units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
    query: `nam=${stats.year}&don-vi=${stats.unit.id}`,
  };
}

function Bars({ items, title, color }: { items: { label: string; value: number }[]; title: string; color: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const rowH = 28;
  return (
    <svg className="chart" viewBox={`0 0 640 ${items.length * rowH + 10}`} role="img" aria-label={title}>
      {items.map((item, i) => {
        const w = Math.round((item.value / max) * 360);
        return (
          <g key={item.label} transform={`translate(0 ${i * rowH + 5})`}>
            <text x="0" y="17">
              {item.label}
            </text>
            <rect x="230" y="3" width={Math.max(w, 1)} height="18" fill={color} />
            <text x={236 + w} y="17">
              {item.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function StatsPage() {
  const data = useLoaderData<typeof loader>();
  const s = data.stats;
  return (
    <>
      <PageHeader title={t("appraisal.stats.title")} />
      {s ? (
        <>
          <Form method="get" className="toolbar no-print">
            <Field label={t("appraisal.stats.year")} name="nam" defaultValue={String(s.year)} inputMode="numeric" maxLength={4} />
            <SelectField label={t("appraisal.stats.unit")} name="don-vi" defaultValue={String(s.unit.id)} options={data.units} />
            <button type="submit">{t("appraisal.stats.show")}</button>
          </Form>
          <div className="no-print">
            <Downloads xlsx={`/thong-ke/tham-dinh.xlsx?${data.query}`} csv={`/thong-ke/tham-dinh.csv?${data.query}`} />
          </div>
          <p>
            <strong>{s.unit.name}</strong> — {s.year}
          </p>
          <p className="muted" data-testid="overdue-rule">
            {t("appraisal.stats.overdueRule", { rule: t(`admin.settings.overdue.${s.overdueRule}`) })}
          </p>
          <div className="charts">
            <Card title={t("appraisal.stats.funnel")}>
              <Bars
                title={t("appraisal.stats.funnel")}
                color="#1f6f43"
                items={[
                  { label: t("appraisal.stats.ideas"), value: s.funnel.ideas },
                  { label: t("appraisal.stats.submitted"), value: s.funnel.submitted },
                  ...s.funnel.appraisedByLevel.map((l) => ({
                    label: t("appraisal.stats.appraised", { level: t(`level.${l.level}` as "level.COMMUNE") }),
                    value: l.count,
                  })),
                  { label: t("appraisal.stats.approved"), value: s.funnel.approved },
                ]}
              />
            </Card>
            <Card title={t("appraisal.stats.stars")}>
              <Bars
                title={t("appraisal.stats.stars")}
                color="#c98a00"
                items={s.stars.map((x) => ({ label: t("appraisal.stats.starsLabel", { n: x.stars }), value: x.count }))}
              />
            </Card>
          </div>
          {s.lapsed.length ? (
            <Card title={t("appraisal.stats.lapsedLocalities")}>
              <ul data-testid="lapsed-localities">
                {s.lapsed.map((l) => (
                  <li key={l.unitId}>{t("appraisal.stats.lapsedItem", { name: l.name, cases: l.cases })}</li>
                ))}
              </ul>
            </Card>
          ) : null}
          <DataTable
            caption={t("appraisal.stats.title")}
            testId="stats-table"
            columns={[
              { header: t("appraisal.stats.metric"), cell: (r) => r.label, rowHeader: true },
              { header: t("appraisal.stats.count"), cell: (r) => r.value },
            ]}
            rows={data.rows}
            rowKey={(r) => r.label}
          />
        </>
      ) : null}
    </>
  );
}
