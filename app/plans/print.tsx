/** The printable plan (A4): also used for frozen versions in the appraisal. */
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { formatDecimal } from "~/i18n/format";
import { groupDigits, formatMoney } from "./money";
import { STEPS, type Row, type ScalarField, type StepValues } from "./steps";
import { AssessmentSummary, FinanceSummary, InvestmentSummary } from "./ui";

function show(f: ScalarField, v: unknown): string {
  if (v === undefined || v === null || v === "") return t("plans.printEmpty");
  if (typeof v === "number") {
    if (f.kind === "money") return formatMoney(v);
    if (f.kind === "int") return f.name === "foundedYear" ? String(v) : groupDigits(v);
    return formatDecimal(v);
  }
  if (f.kind === "select") return t(f.optionLabel(String(v)));
  return String(v);
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
          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
          <br />
          Độc lập – Tự do – Hạnh phúc
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
      {STEPS.map((step, i) => {
        const values = steps[i] ?? {};
        return (
          <section key={step.n} className="print-section">
            <h2>
              {step.n}. {t(step.title)}
            </h2>
            {step.fields.map((f) => {
              if (f.kind !== "table") {
                if (step.n === 12) return null;
                return (
                  <div key={f.name} className="print-field">
                    <strong>{t(f.label)}:</strong> <span className="print-value">{show(f, values[f.name])}</span>
                  </div>
                );
              }
              const rows = (values[f.name] as Row[] | undefined) ?? [];
              if (step.n === 9 && f.name === "products") {
                const years = Number(values.years ?? 5);
                return (
                  <div key={f.name} className="table-wrap">
                    <table>
                      <caption>{t(f.label)}</caption>
                      <thead>
                        <tr>
                          {f.columns.filter((c) => !/^q[1-5]$/.test(c.name) || Number(c.name.slice(1)) <= years).map((c) => (
                            <th key={c.name} scope="col">
                              {t(c.label)}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((r, ri) => (
                          <tr key={ri}>
                            {f.columns.filter((c) => !/^q[1-5]$/.test(c.name) || Number(c.name.slice(1)) <= years).map((c) => (
                              <td key={c.name}>{show(c, r[c.name])}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                );
              }
              return (
                <div key={f.name} className="table-wrap">
                  <table>
                    <caption>{t(f.label)}</caption>
                    <thead>
                      <tr>
                        {f.columns.map((c) => (
                          <th key={c.name} scope="col">
                            {t(c.label)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.length === 0 ? (
                        <tr>
                          <td colSpan={f.columns.length}>{t("plans.printEmpty")}</td>
                        </tr>
                      ) : (
                        rows.map((r, ri) => (
                          <tr key={ri}>
                            {f.columns.map((c) => (
                              <td key={c.name}>{show(c, r[c.name])}</td>
                            ))}
                          </tr>
                        ))
                      )}
                    </tbody>
                  </table>
                </div>
              );
            })}
            {step.n === 8 ? <InvestmentSummary step8={values} /> : null}
            {step.n === 9 ? <FinanceSummary step8={steps[7] ?? {}} step9={values} /> : null}
            {step.n === 12 ? (
              <>
                <AssessmentSummary step12={values} />
                {step.fields
                  .filter((f) => f.kind === "textarea")
                  .map((f) => (
                    <div key={f.name} className="print-field">
                      <strong>{t(f.label)}:</strong> <span className="print-value">{show(f as ScalarField, values[f.name])}</span>
                    </div>
                  ))}
              </>
            ) : null}
          </section>
        );
      })}
      <footer className="print-sign">
        <p>{t("plans.printSign")}</p>
      </footer>
    </article>
  );
}
