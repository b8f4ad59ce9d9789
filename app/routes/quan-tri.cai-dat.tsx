import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { reachableProvinces } from "~/access/access.server";
import { forbidden, requireUser } from "~/auth/guard.server";
import { UNIT_LEVELS } from "~/auth/roles";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, FormMessage, SelectField, TextAreaField, useActionResult } from "~/ui/form";
import { Card, PageHeader } from "~/ui/page";
import { unitPermissions } from "~/units/permissions";
import { settingsSchema } from "~/units/schemas.server";
import { CLOCK_RULES, DEADLINE_KINDS, OVERDUE_RULES, rulesFromRow } from "~/units/settings";
import { isoToVietnamese } from "~/i18n/format";
import { jobStatuses } from "~/jobs/status.server";
import { JobsCard } from "~/jobs/ui";
import { saveProvinceRules } from "~/units/units.server";
import { outboxStatus } from "~/notifications/outbox.server";
import { OutboxPanel } from "~/notifications/ui";

export const access = unitPermissions.manageSettings;

export const meta: MetaFunction = () => [{ title: `${t("admin.settings.title")} · ${t("app.name")}` }];

/** The provinces where the user administers settings (an admin granted at a province). */
async function provinces(request: Request, context?: object) {
  const auth = await requireUser(request, access, context);
  const list = await reachableProvinces(auth, access);
  if (list.length === 0) throw forbidden();
  return list;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const list = await provinces(request, context);
  return {
    outbox: await outboxStatus(),
    provinces: list.map((p) => {
      const rules = rulesFromRow(p.settings);
      return { id: p.id, name: p.name, ...rules, holidays: rules.holidays.map(isoToVietnamese).join("\n") };
    }),
    jobs: await jobStatuses(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const list = await provinces(request);
  const provinceId = Number(new URL(request.url).searchParams.get("tinh") ?? list[0].id);
  const province = list.find((p) => p.id === provinceId);
  if (!province) throw forbidden();
  const form = await parseRequestForm(request, settingsSchema);
  if (!form.ok) return invalid(form);
  await saveProvinceRules(province.id, form.data);
  return ok({ message: t("admin.settings.saved") });
}

const levelOptions = [{ value: "", label: t("admin.settings.none") }, ...UNIT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))];

export default function SettingsPage() {
  const { provinces, jobs, outbox } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  return (
    <>
      <PageHeader title={t("admin.settings.title")} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      {provinces.map((p) => (
        <Card title={p.name} key={p.id}>
          <Form method="post" action={`?tinh=${p.id}`} className="stack" noValidate>
            <fieldset className="field">
              <legend>{t("admin.settings.levels")}</legend>
              <p className="field__hint">{t("admin.settings.levelsHint")}</p>
              {[0, 1, 2].map((i) => (
                <SelectField
                  key={i}
                  label={t("admin.settings.level", { n: i + 1 })}
                  name={`level${i + 1}`}
                  defaultValue={p.levels[i] ?? ""}
                  options={levelOptions}
                  error={i === 0 ? e.level1 : undefined}
                />
              ))}
            </fieldset>
            <fieldset className="field">
              <legend>{t("admin.settings.deadlineDays")}</legend>
              <p className="field__hint">{t("admin.settings.deadlineDaysHint")}</p>
              <div className="att-row">
                {UNIT_LEVELS.map((level) => (
                  <Field
                    key={level}
                    label={t(`level.${level}`)}
                    name={`deadline${level}`}
                    inputMode="numeric"
                    defaultValue={result.values[`deadline${level}`] ?? String(p.deadlineDays[level])}
                    error={e[`deadline${level}`]}
                  />
                ))}
              </div>
            </fieldset>
            <SelectField
              label={t("admin.settings.deadlineKind")}
              name="deadlineKind"
              defaultValue={p.deadlineKind}
              error={e.deadlineKind}
              options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`admin.settings.kind.${k}`) }))}
            />
            <TextAreaField label={t("admin.settings.holidays")} name="holidays" defaultValue={result.values.holidays ?? p.holidays} error={e.holidays} />
            <SelectField
              label={t("admin.settings.overdueRule")}
              hint={t("admin.settings.overdueRuleHint")}
              name="overdueRule"
              defaultValue={p.overdueRule}
              error={e.overdueRule}
              options={OVERDUE_RULES.map((r) => ({ value: r, label: t(`admin.settings.overdue.${r}`) }))}
            />
            <SelectField
              label={t("admin.settings.clockOnResubmit")}
              hint={t("admin.settings.clockOnResubmitHint")}
              name="clockOnResubmit"
              defaultValue={p.clockOnResubmit}
              error={e.clockOnResubmit}
              options={CLOCK_RULES.map((r) => ({ value: r, label: t(`admin.settings.clock.${r}`) }))}
            />
            <div className="field">
              <label className="check">
                <input type="checkbox" name="showOfficerNames" defaultChecked={p.showOfficerNames} /> {t("admin.settings.showOfficerNames")}
              </label>
              <p className="field__hint">{t("admin.settings.showOfficerNamesHint")}</p>
              {e.showOfficerNames ? <p className="field__error">{e.showOfficerNames}</p> : null}
            </div>
            <div>
              <button type="submit">{t("form.save")}</button>
            </div>
          </Form>
        </Card>
      ))}
      <OutboxPanel status={outbox} />
      <JobsCard jobs={jobs} />
    </>
  );
}
