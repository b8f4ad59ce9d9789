/** Components of the business-plan builder (no server imports: values come from loader data). */
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, SelectField, TextAreaField } from "~/ui/form";
import { DataTable } from "~/ui/table";
import { formatDecimal } from "~/i18n/format";
import { formatMoney, groupDigits } from "./money";
import type { FinancialFlag, FinancialResult } from "./financials";
import { PART_GROUPS, PART_SHEET } from "~/ocop/part-sheet";
import { investmentTotals, planFinancials } from "./plan-finance";
import { type Column, type ScalarField, type TableField, inputModeOf } from "./field-kinds";
import { type StepSpec, type StepSummary, type StepValues, columnInUse, planYears } from "./step-engine";
import { selfAssessment } from "./steps";

type Values = Record<string, string>;
type Errors = Record<string, string | undefined>;

function ScalarInput({ f, values, errors, disabled }: { f: ScalarField; values: Values; errors: Errors; disabled: boolean }) {
  const common = {
    label: t(f.label) + (f.required ? " *" : ""),
    name: f.name,
    defaultValue: values[f.name] ?? "",
    error: errors[f.name],
    hint: f.hint ? t(f.hint) : undefined,
    disabled,
  };
  if (f.kind === "textarea") return <TextAreaField {...common} rows={4} maxLength={f.max} />;
  if (f.kind === "select")
    return <SelectField {...common} options={[{ value: "", label: t("plans.choose") }, ...f.options.map((o) => ({ value: o, label: t(f.optionLabel(o)) }))]} />;
  if (f.kind === "text" && f.keypad === "tel") return <Field {...common} type="tel" inputMode="tel" maxLength={f.max} autoComplete="tel" />;
  return <Field {...common} type="text" inputMode={inputModeOf(f)} maxLength={f.kind === "text" ? f.max : 40} autoComplete="off" />;
}

export function tableRowCount(f: TableField, values: Values, stored: number) {
  let max = stored;
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${f.name}\\.(\\d+)\\.`).exec(key);
    if (m) max = Math.max(max, Number(m[1]) + 1);
  }
  return Math.min(f.maxRows, Math.max(max + 2, f.minRows + 1));
}

function TableInput({
  f,
  values,
  errors,
  disabled,
  storedRows,
  years,
}: {
  f: TableField;
  values: Values;
  errors: Errors;
  disabled: boolean;
  storedRows: number;
  years?: number;
}) {
  const rows = tableRowCount(f, values, storedRows);
  const unused = (c: Column) => !columnInUse(c, years);
  return (
    <fieldset className="plan-table">
      <legend>
        {t(f.label)} {f.minRows > 0 ? "*" : ""}
      </legend>
      <p className="field__hint">{t("plans.addRowsHint")}</p>
      {errors[f.name] ? (
        <p className="field__error" role="alert">
          {errors[f.name]}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {f.columns.map((c) => (
                <th key={c.name} scope="col" hidden={unused(c)}>
                  {t(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {f.columns.map((c) => {
                  const name = `${f.name}.${i}.${c.name}`;
                  const error = errors[name];
                  const label = `${t(c.label)} (${t("plans.row", { n: i + 1 }).toLowerCase()})`;
                  // a per-year column beyond the plan's years is hidden, not removed: what was typed stays if the plan grows again
                  return (
                    <td key={c.name} hidden={unused(c)}>
                      {c.kind === "select" ? (
                        <select name={name} defaultValue={values[name] ?? ""} aria-label={label} aria-invalid={error ? true : undefined} disabled={disabled}>
                          <option value="">{t("plans.choose")}</option>
                          {c.options.map((o) => (
                            <option key={o} value={o}>
                              {t(c.optionLabel(o))}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          name={name}
                          defaultValue={values[name] ?? ""}
                          aria-label={label}
                          aria-invalid={error ? true : undefined}
                          inputMode={inputModeOf(c)}
                          autoComplete="off"
                          disabled={disabled}
                        />
                      )}
                      {error ? <small className="field__error">{error}</small> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

export function StepFields({
  step,
  values,
  errors,
  disabled,
  storedRows,
  live,
}: {
  step: StepSpec;
  values: Values;
  errors: Errors;
  disabled: boolean;
  storedRows: Record<string, number>;
  /** the step's values as typed now (parsed), which decide e.g. the plan's years */
  live: StepValues;
}) {
  const current = { ...values, ...live };
  return (
    <>
      {step.fields.map((f) =>
        f.kind === "table" ? (
          <TableInput
            key={f.name}
            f={f}
            values={values}
            errors={errors}
            disabled={disabled}
            storedRows={storedRows[f.name] ?? 0}
            years={planYears(step, f, current)}
          />
        ) : (
          <ScalarInput key={f.name} f={f} values={values} errors={errors} disabled={disabled} />
        ),
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------

export function flagText(f: FinancialFlag): string {
  switch (f.kind) {
    case "loss":
    case "breakEvenNever":
    case "marginImplausible":
      return t(`plans.flag.${f.kind}`, { year: f.year });
    case "priceBelowCost":
    case "zeroPrice":
      return t(`plans.flag.${f.kind}`, { product: f.product });
    case "paybackBeyondPlan":
      return t("plans.flag.paybackBeyondPlan");
  }
}

function paybackText(p: FinancialResult["payback"]): string {
  if (p.kind === "years") return t("plans.fin.paybackYears", { years: formatDecimal(p.years) });
  return t(p.kind === "noInvestment" ? "plans.fin.paybackNoInvestment" : "plans.fin.paybackNever");
}

/** A line of the financial table: its label, its figure in a year, and whether it is a result line (bold). */
type FinancialRow = [string, (y: FinancialResult["years"][number]) => string, boolean?];

export function FinancialTable({ result, investment }: { result: FinancialResult; investment: number }) {
  // each product's quantities in its own unit: bags and boxes are never added up
  const product = (i: number) => ({ product: result.products[i].name || t("plans.row", { n: i + 1 }), unit: result.products[i].unit });
  const perProduct = (key: "plans.fin.quantityOf" | "plans.fin.breakEvenOf", cell: (y: FinancialResult["years"][number], i: number) => string) =>
    result.products.map((_, i): [string, (y: FinancialResult["years"][number]) => string] => [t(key, product(i)), (y) => cell(y, i)]);
  const rows: FinancialRow[] = [
    ...perProduct("plans.fin.quantityOf", (y, i) => groupDigits(y.quantities[i])),
    [t("plans.fin.revenue"), (y) => formatMoney(y.revenue)],
    [t("plans.fin.variable"), (y) => formatMoney(y.variableCosts)],
    [t("plans.fin.fixed"), (y) => formatMoney(y.fixedCosts)],
    [t("plans.fin.pbt"), (y) => formatMoney(y.profitBeforeTax), true],
    [t("plans.fin.tax"), (y) => formatMoney(y.tax)],
    [t("plans.fin.pat"), (y) => formatMoney(y.profitAfterTax), true],
    [t("plans.fin.cash"), (y) => formatMoney(y.cashFlow)],
    [t("plans.fin.cumulative"), (y) => formatMoney(y.cumulativeCashFlow)],
    [t("plans.fin.breakEvenRevenue"), (y) => (y.breakEvenRevenue === null ? t("plans.fin.never") : formatMoney(y.breakEvenRevenue))],
    ...perProduct("plans.fin.breakEvenOf", (y, i) => (y.breakEvenQuantities === null ? t("plans.fin.never") : groupDigits(y.breakEvenQuantities[i]))),
  ];
  return (
    <div className="stack">
      <DataTable
        caption={t("plans.fin.title")}
        className="fin-table"
        testId="financial-table"
        columns={[
          { header: t("plans.fin.item"), cell: ([label]) => label, rowHeader: true },
          ...result.years.map((y) => ({ header: t("plans.fin.year", { n: y.year }), cell: ([, cell]: FinancialRow) => cell(y), className: "num" })),
        ]}
        rows={rows}
        rowKey={([label]) => label}
        rowProps={([, , strong]) => ({ className: strong ? "strong" : undefined })}
      />
      <p>
        {t("plans.fin.investment")}: <strong>{formatMoney(investment)}</strong> · {t("plans.fin.payback")}:{" "}
        <strong data-testid="payback">{paybackText(result.payback)}</strong>
      </p>
      {result.flags.length ? (
        <div className="notice notice--warn" role="status">
          <strong>{t("plans.fin.flags")}</strong>
          <ul>
            {result.flags.map((f, i) => (
              <li key={i}>{flagText(f)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function FinanceSummary({ step8, step9 }: { step8: StepValues; step9: StepValues }) {
  const result = planFinancials(step8, step9);
  return <FinancialTable result={result} investment={investmentTotals(step8).investment} />;
}

function InvestmentSummary({ step8 }: { step8: StepValues }) {
  const totals = investmentTotals(step8);
  return (
    <div className="stack">
      <p>
        {t("plans.inv.total")}: <strong data-testid="investment-total">{formatMoney(totals.investment)}</strong> · {t("plans.inv.sources")}:{" "}
        <strong>{formatMoney(totals.sources)}</strong>
      </p>
      {totals.balanced ? null : (
        <p className="notice notice--warn" role="status">
          {t("plans.flag.capitalMismatch", { sources: formatMoney(totals.sources), investment: formatMoney(totals.investment) })}
        </p>
      )}
    </div>
  );
}

function AssessmentSummary({ step12 }: { step12: StepValues }) {
  const outcome = selfAssessment(step12);
  return (
    <div className="stack">
      <p className="muted">{t("plans.sheet.byPart")}</p>
      <ul>
        {PART_SHEET.criteria.map((c) => (
          <li key={c.id}>
            <strong>{t(c.label)}</strong> (≤ {c.max}): {t("plans.sheet.groups", { list: PART_GROUPS[c.part].map((k) => t(k)).join("; ") })}
          </li>
        ))}
      </ul>
      {outcome.ok ? (
        <p data-testid="assessment-total">
          {t("plans.sheet.total")}: <strong>{formatDecimal(outcome.result.total)}/100</strong> (A {formatDecimal(outcome.result.parts.A)} · B{" "}
          {formatDecimal(outcome.result.parts.B)} · C {formatDecimal(outcome.result.parts.C)}) —{" "}
          <strong>{t("plans.sheet.stars", { stars: outcome.result.stars })}</strong> <span aria-hidden="true">{"★".repeat(outcome.result.stars)}</span>
        </p>
      ) : (
        <p className="muted" data-testid="assessment-total">
          {t("plans.sheet.incomplete")}
        </p>
      )}
    </div>
  );
}

/**
 * A step's computed figures (its declared `summary`). `investment` is the values of the step the
 * finance summary takes the investment from; `live` frames the finance table as figures that follow
 * the typing (the editor), not as a printed section.
 */
export function StepSummaryView({ of, values, investment, live = false }: { of: StepSummary; values: StepValues; investment: StepValues; live?: boolean }) {
  switch (of) {
    case "investment":
      return <InvestmentSummary step8={values} />;
    case "assessment":
      return <AssessmentSummary step12={values} />;
    case "finance":
      return live ? (
        <section className="card" aria-labelledby="fin-title">
          <h2 id="fin-title">{t("plans.fin.title")}</h2>
          <p className="muted">{t("plans.fin.live")}</p>
          <FinanceSummary step8={investment} step9={values} />
        </section>
      ) : (
        <FinanceSummary step8={investment} step9={values} />
      );
  }
}
