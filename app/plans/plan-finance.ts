/** Builds the financial module's input from the plan's steps 8 (investment) and 9 (tables). Pure. */
import { type FinancialInput, computeFinancials } from "./financials";
import type { Row, StepValues } from "./step-engine";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function investmentTotals(step8: StepValues) {
  const items = (step8.items as Row[] | undefined) ?? [];
  const investment = items.reduce((s, r) => s + num(r.amount), 0);
  const sources = num(step8.ownCapital) + num(step8.loans) + num(step8.support);
  return { investment, sources, balanced: investment === sources };
}

export function financialInput(step8: StepValues, step9: StepValues): FinancialInput {
  const years = Math.min(5, Math.max(3, Number(step9.years ?? 3) || 3));
  const products = ((step9.products as Row[] | undefined) ?? []).map((r) => ({
    name: String(r.name ?? ""),
    unit: String(r.unit ?? ""),
    price: num(r.price),
    variableCost: num(r.variableCost),
    quantities: [r.q1, r.q2, r.q3, r.q4, r.q5].map(num),
  }));
  const fixedCosts = ((step9.fixedCosts as Row[] | undefined) ?? []).map((r) => ({ name: String(r.name ?? ""), amount: num(r.amount) }));
  return {
    years,
    taxRatePercent: typeof step9.taxRate === "number" ? step9.taxRate : 20,
    depreciationPerYear: num(step9.depreciation),
    products,
    fixedCosts,
    investment: investmentTotals(step8).investment,
  };
}

export function planFinancials(step8: StepValues, step9: StepValues) {
  return computeFinancials(financialInput(step8, step9));
}
