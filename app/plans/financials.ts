/**
 * The one module that computes a plan's financial tables (module 4, lesson 4 of the training):
 * revenue = quantity × unit price per product per year; variable costs per unit; fixed costs by
 * line (+ depreciation); profit before and after tax; break-even quantity; payback period.
 * Pure and deterministic: the server uses it for the plan and print view, the browser for live totals.
 */
export type FinancialProduct = { name: string; unit: string; price: number; variableCost: number; quantities: number[] };
export type FinancialInput = {
  years: number; // 3..5
  taxRatePercent: number;
  depreciationPerYear: number;
  products: FinancialProduct[];
  fixedCosts: { name: string; amount: number }[];
  /** Initial investment (step 8); 0 when unknown. */
  investment: number;
};

export type YearResult = {
  year: number;
  quantity: number;
  revenue: number;
  variableCosts: number;
  fixedCosts: number;
  profitBeforeTax: number;
  tax: number;
  profitAfterTax: number;
  /** Profit after tax + depreciation: what pays the investment back. */
  cashFlow: number;
  cumulativeCashFlow: number;
  /** Units (in this year's product mix) at which profit is zero; null when no quantity covers fixed costs. */
  breakEvenQuantity: number | null;
  breakEvenRevenue: number | null;
};

export type FinancialFlag =
  | { kind: "loss"; year: number }
  | { kind: "breakEvenNever"; year: number }
  | { kind: "priceBelowCost"; product: string }
  | { kind: "zeroPrice"; product: string }
  | { kind: "paybackBeyondPlan" }
  | { kind: "marginImplausible"; year: number };

export type FinancialResult = {
  years: YearResult[];
  products: { name: string; unit: string; revenueByYear: number[] }[];
  totalRevenue: number;
  totalProfitAfterTax: number;
  /** Years (one decimal) until cumulative cash flow repays the investment; null when not within the plan. */
  paybackYears: number | null;
  flags: FinancialFlag[];
};

/** A margin above this share of revenue is flagged as implausible for a small producer. */
export const IMPLAUSIBLE_MARGIN = 0.6;

export function computeFinancials(input: FinancialInput): FinancialResult {
  const yearsCount = Math.max(0, Math.floor(input.years));
  const fixedPerYear = input.fixedCosts.reduce((s, c) => s + c.amount, 0) + input.depreciationPerYear;
  const flags: FinancialFlag[] = [];
  for (const p of input.products) {
    if (p.price === 0) flags.push({ kind: "zeroPrice", product: p.name });
    else if (p.price < p.variableCost) flags.push({ kind: "priceBelowCost", product: p.name });
  }

  const years: YearResult[] = [];
  let cumulative = 0;
  for (let y = 0; y < yearsCount; y++) {
    let quantity = 0;
    let revenue = 0;
    let variableCosts = 0;
    for (const p of input.products) {
      const q = p.quantities[y] ?? 0;
      quantity += q;
      revenue += q * p.price;
      variableCosts += q * p.variableCost;
    }
    const profitBeforeTax = revenue - variableCosts - fixedPerYear;
    const tax = profitBeforeTax > 0 ? Math.round((profitBeforeTax * input.taxRatePercent) / 100) : 0;
    const profitAfterTax = profitBeforeTax - tax;
    const cashFlow = profitAfterTax + input.depreciationPerYear;
    cumulative += cashFlow;
    const contribution = revenue - variableCosts;
    let breakEvenQuantity: number | null = null;
    let breakEvenRevenue: number | null = null;
    if (quantity > 0 && contribution > 0) {
      const perUnit = contribution / quantity;
      breakEvenQuantity = Math.ceil(fixedPerYear / perUnit - 1e-9);
      breakEvenRevenue = Math.round(breakEvenQuantity * (revenue / quantity));
    } else if (fixedPerYear === 0 && quantity > 0 && contribution === 0) {
      breakEvenQuantity = 0;
      breakEvenRevenue = 0;
    }
    if (breakEvenQuantity === null) flags.push({ kind: "breakEvenNever", year: y + 1 });
    if (profitBeforeTax < 0) flags.push({ kind: "loss", year: y + 1 });
    if (revenue > 0 && profitBeforeTax / revenue > IMPLAUSIBLE_MARGIN) flags.push({ kind: "marginImplausible", year: y + 1 });
    years.push({
      year: y + 1,
      quantity,
      revenue,
      variableCosts,
      fixedCosts: fixedPerYear,
      profitBeforeTax,
      tax,
      profitAfterTax,
      cashFlow,
      cumulativeCashFlow: cumulative,
      breakEvenQuantity,
      breakEvenRevenue,
    });
  }

  const paybackYears = payback(input.investment, years);
  if (input.investment > 0 && paybackYears === null && yearsCount > 0) flags.push({ kind: "paybackBeyondPlan" });
  return {
    years,
    products: input.products.map((p) => ({
      name: p.name,
      unit: p.unit,
      revenueByYear: Array.from({ length: yearsCount }, (_, y) => (p.quantities[y] ?? 0) * p.price),
    })),
    totalRevenue: years.reduce((s, y) => s + y.revenue, 0),
    totalProfitAfterTax: years.reduce((s, y) => s + y.profitAfterTax, 0),
    paybackYears,
    flags,
  };
}

/** Interpolates within the year in which the cumulative cash flow reaches the investment. */
function payback(investment: number, years: YearResult[]): number | null {
  if (investment <= 0) return 0;
  let before = 0;
  for (const y of years) {
    if (y.cumulativeCashFlow >= investment && y.cashFlow > 0) {
      const exact = y.year - 1 + (investment - before) / y.cashFlow;
      return Math.round(exact * 10) / 10;
    }
    before = y.cumulativeCashFlow;
  }
  return null;
}
