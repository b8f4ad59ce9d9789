/** The printable plan (A4): also used for frozen versions in the appraisal. */
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { type FieldSpec, type ScalarField, type TableField, printedScalar } from "./field-kinds";
import { type Row, type StepSpec, type StepValues, columnInUse, planYears } from "./step-engine";
import { INVESTMENT_STEP, STEPS } from "./steps";
import { StepSummaryView } from "./ui";

function PrintedScalar({ f, values }: { f: ScalarField; values: StepValues }) {
  return (
    <div className="print-field">
      <strong>{t(f.label)}:</strong> <span className="print-value">{printedScalar(f, values[f.name])}</span>
    </div>
  );
}

function PrintedTable({ step, f, values }: { step: StepSpec; f: TableField; values: StepValues }) {
  const rows = (values[f.name] as Row[] | undefined) ?? [];
  const years = planYears(step, f, values);
  const columns = f.columns.filter((c) => columnInUse(c, years));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t(f.label)}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col">
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t("plans.printEmpty")}</td>
            </tr>
          ) : (
            rows.map((r, ri) => (
              <tr key={ri}>
                {columns.map((c) => (
                  <td key={c.name}>{printedScalar(c, r[c.name])}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function PrintedField({ step, f, values }: { step: StepSpec; f: FieldSpec; values: StepValues }) {
  return f.kind === "table" ? <PrintedTable step={step} f={f} values={values} /> : <PrintedScalar f={f} values={values} />;
}

function PrintedStep({ step, values, investment }: { step: StepSpec; values: StepValues; investment: StepValues }) {
  // A summary follows the step's figures; the free-text remarks, which comment on them, come after it.
  const isRemark = (f: FieldSpec) => step.summary !== undefined && f.kind === "textarea";
  // Scores are printed by the assessment summary (with their total and stars), not one by one.
  const figures = step.fields.filter((f) => f.kind !== "score" && !isRemark(f));
  const remarks = step.fields.filter(isRemark);
  return (
    <section className="print-section">
      <h2>
        {step.n}. {t(step.title)}
      </h2>
      {figures.map((f) => (
        <PrintedField key={f.name} step={step} f={f} values={values} />
      ))}
      {step.summary ? <StepSummaryView of={step.summary} values={values} investment={investment} /> : null}
      {remarks.map((f) => (
        <PrintedField key={f.name} step={step} f={f} values={values} />
      ))}
    </section>
  );
}

export function PrintedPlan({
  plan,
  printed,
  steps,
}: {
  plan: { title: string; org: string; kind: string; address: string; unit: string };
  printed: string;
  steps: StepValues[];
}) {
  return (
    <article className="print-doc">
      <header className="print-doc__head">
        <p className="print-doc__nation">
          {t("plans.printNation")}
          <br />
          {t("plans.printMotto")}
        </p>
        <h1>{t("plans.printTitle")}</h1>
        <p>
          <strong>{t("plans.printProduct", { title: plan.title })}</strong>
        </p>
        <p>{t("plans.printOrg", { name: plan.org, kind: plan.kind, address: plan.address })}</p>
        <p className="muted">
          {plan.unit} · {t("plans.printDate", { date: printed })}
        </p>
      </header>
      {STEPS.map((step, i) => (
        <PrintedStep key={step.n} step={step} values={steps[i] ?? {}} investment={steps[INVESTMENT_STEP - 1] ?? {}} />
      ))}
      <footer className="print-sign">
        <p>{t("plans.printSign")}</p>
      </footer>
    </article>
  );
}
