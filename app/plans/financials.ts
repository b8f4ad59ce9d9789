/**
 * The one module that computes a plan's financial tables (module 4, lesson 4 of the training):
 * revenue = quantity × unit price per product per year; variable costs per unit; fixed costs by
 * line (+ depreciation); profit before and after tax; break-even (in revenue, and per product in its
 * own unit: boxes and bags are never added together); payback period.
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
  /** per product, in the order of the input (each in its own unit) */
  quantities: number[];
  revenue: number;
  variableCosts: number;
  fixedCosts: number;
  profitBeforeTax: number;
  tax: number;
  profitAfterTax: number;
  /** Profit after tax + depreciation: what pays the investment back. */
  cashFlow: number;
  cumulativeCashFlow: number;
  /** Revenue at which profit is zero (this year's product mix); null when no volume covers the fixed costs. */
  breakEvenRevenue: number | null;
  /** The same point as a quantity of each product (this year's mix kept), in its own unit; null as above. */
  breakEvenQuantities: number[] | null;
};

/** Years until the investment is repaid; "noInvestment" when step 8 has none, so it cannot be computed. */
export type Payback = { kind: "years"; years: number } | { kind: "noInvestment" } | { kind: "beyondPlan" };

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
  /** Years (one decimal) until the cumulative cash flow repays the investment. */
  payback: Payback;
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
    const quantities = input.products.map((p) => p.quantities[y] ?? 0);
    let revenue = 0;
    let variableCosts = 0;
    for (const [i, p] of input.products.entries()) {
      revenue += quantities[i] * p.price;
      variableCosts += quantities[i] * p.variableCost;
    }
    const profitBeforeTax = revenue - variableCosts - fixedPerYear;
    const tax = profitBeforeTax > 0 ? Math.round((profitBeforeTax * input.taxRatePercent) / 100) : 0;
    const profitAfterTax = profitBeforeTax - tax;
    const cashFlow = profitAfterTax + input.depreciationPerYear;
    cumulative += cashFlow;
    const contribution = revenue - variableCosts;
    // The share of this year's volume (every product scaled alike) whose contribution covers the fixed costs.
    const sold = quantities.some((q) => q > 0);
    const share = sold && contribution > 0 ? fixedPerYear / contribution : sold && contribution === 0 && fixedPerYear === 0 ? 0 : null;
    const breakEvenRevenue = share === null ? null : Math.round(revenue * share);
    const breakEvenQuantities = share === null ? null : quantities.map((q) => Math.ceil(q * share - 1e-9));
    if (share === null) flags.push({ kind: "breakEvenNever", year: y + 1 });
    if (profitBeforeTax < 0) flags.push({ kind: "loss", year: y + 1 });
    if (revenue > 0 && profitBeforeTax / revenue > IMPLAUSIBLE_MARGIN) flags.push({ kind: "marginImplausible", year: y + 1 });
    years.push({
      year: y + 1,
      quantities,
      revenue,
      variableCosts,
      fixedCosts: fixedPerYear,
      profitBeforeTax,
      tax,
      profitAfterTax,
      cashFlow,
      cumulativeCashFlow: cumulative,
      breakEvenRevenue,
      breakEvenQuantities,
    });
  }

  const paybackResult = payback(input.investment, years);
  if (paybackResult.kind === "beyondPlan" && yearsCount > 0) flags.push({ kind: "paybackBeyondPlan" });
  return {
    years,
    products: input.products.map((p) => ({
      name: p.name,
      unit: p.unit,
      revenueByYear: Array.from({ length: yearsCount }, (_, y) => (p.quantities[y] ?? 0) * p.price),
    })),
    totalRevenue: years.reduce((s, y) => s + y.revenue, 0),
    totalProfitAfterTax: years.reduce((s, y) => s + y.profitAfterTax, 0),
    payback: paybackResult,
    flags,
  };
}

/** Interpolates within the year in which the cumulative cash flow reaches the investment. */
function payback(investment: number, years: YearResult[]): Payback {
  if (investment <= 0) return { kind: "noInvestment" };
  let before = 0;
  for (const y of years) {
    if (y.cumulativeCashFlow >= investment && y.cashFlow > 0) {
      const exact = y.year - 1 + (investment - before) / y.cashFlow;
      return { kind: "years", years: Math.round(exact * 10) / 10 };
    }
    before = y.cumulativeCashFlow;
  }
  return { kind: "beyondPlan" };
}
