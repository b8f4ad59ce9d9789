import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FinancialInput, computeFinancials } from "./financials";

/** The worked example of module 4 (HTX Mật ong Suối Xanh, hypothetical). */
const honey: FinancialInput = {
  years: 3,
  taxRatePercent: 20,
  depreciationPerYear: 60_000_000,
  products: [{ name: "Mật ong hoa rừng 500 g", unit: "chai", price: 180_000, variableCost: 110_000, quantities: [6000, 6000, 6000] }],
  fixedCosts: [
    { name: "Lương giám đốc, kế toán", amount: 84_000_000 },
    { name: "Điện, nước, thuê kho", amount: 24_000_000 },
    { name: "Kiểm nghiệm, marketing", amount: 30_000_000 },
    { name: "Lãi vay", amount: 12_000_000 },
  ],
  investment: 300_000_000,
};

describe("computeFinancials", () => {
  it("reproduces the training module's worked example", () => {
    const r = computeFinancials(honey);
    const y1 = r.years[0];
    expect(y1.revenue).toBe(1_080_000_000);
    expect(y1.variableCosts).toBe(660_000_000);
    expect(y1.fixedCosts).toBe(210_000_000);
    expect(y1.profitBeforeTax).toBe(210_000_000);
    expect(y1.tax).toBe(42_000_000);
    expect(y1.profitAfterTax).toBe(168_000_000);
    expect(y1.breakEvenQuantities).toEqual([3000]);
    expect(y1.breakEvenRevenue).toBe(540_000_000);
    expect(r.payback).toEqual({ kind: "years", years: 1.3 });
    expect(r.totalRevenue).toBe(3 * 1_080_000_000);
    expect(r.flags).toEqual([]);
  });

  it("mixes several products: break-even in the year's product mix", () => {
    const r = computeFinancials({
      ...honey,
      years: 3,
      products: [
        { name: "A", unit: "chai", price: 100, variableCost: 60, quantities: [100, 100, 100] },
        { name: "B", unit: "hộp", price: 200, variableCost: 100, quantities: [100, 100, 100] },
      ],
      fixedCosts: [{ name: "F", amount: 7000 }],
      depreciationPerYear: 0,
      investment: 0,
    });
    // contribution 4000 + 10000 = 14000 covers the fixed 7000 at half the volume: 50 bottles and 50 boxes,
    // never "100 units" of bottles and boxes added together (issue 14.4)
    expect(r.years[0].breakEvenQuantities).toEqual([50, 50]);
    expect(r.years[0].breakEvenRevenue).toBe(15000);
    expect(r.years[0].quantities).toEqual([100, 100]);
    expect(r.years[0].profitBeforeTax).toBe(7000);
    expect(r.products[1].revenueByYear).toEqual([20000, 20000, 20000]);
  });

  it("zero price: revenue 0, a loss, break-even never reached", () => {
    const r = computeFinancials({ ...honey, products: [{ ...honey.products[0], price: 0 }] });
    expect(r.years[0].revenue).toBe(0);
    expect(r.years[0].profitBeforeTax).toBe(-870_000_000);
    expect(r.years[0].tax).toBe(0);
    expect(r.years[0].breakEvenQuantities).toBeNull();
    expect(r.payback).toEqual({ kind: "beyondPlan" });
    expect(r.flags).toEqual(
      expect.arrayContaining([
        { kind: "zeroPrice", product: "Mật ong hoa rừng 500 g" },
        { kind: "loss", year: 1 },
        { kind: "breakEvenNever", year: 1 },
        { kind: "paybackBeyondPlan" },
      ]),
    );
  });

  it("a loss-making plan pays no tax and never pays back", () => {
    const r = computeFinancials({ ...honey, products: [{ ...honey.products[0], quantities: [2000, 2500, 2900] }] });
    expect(r.years.map((y) => y.profitBeforeTax)).toEqual([-70_000_000, -35_000_000, -7_000_000]);
    expect(r.years.every((y) => y.tax === 0)).toBe(true);
    expect(r.years[0].breakEvenQuantities).toEqual([3000]);
    expect(r.payback).toEqual({ kind: "beyondPlan" });
    expect(r.flags.filter((f) => f.kind === "loss")).toHaveLength(3);
  });

  it("price below variable cost: break-even never reached, flagged", () => {
    const r = computeFinancials({ ...honey, products: [{ ...honey.products[0], price: 100_000 }] });
    expect(r.years[0].breakEvenQuantities).toBeNull();
    expect(r.flags).toContainEqual({ kind: "priceBelowCost", product: "Mật ong hoa rừng 500 g" });
  });

  it("no quantity at all: nothing to compute but the fixed-cost loss", () => {
    const r = computeFinancials({ ...honey, products: [] });
    expect(r.years[0].revenue).toBe(0);
    expect(r.years[0].profitBeforeTax).toBe(-210_000_000);
    expect(r.years[0].breakEvenQuantities).toBeNull();
  });

  it("flags an implausible margin", () => {
    const r = computeFinancials({ ...honey, products: [{ ...honey.products[0], price: 2_000_000 }] });
    expect(r.flags).toContainEqual({ kind: "marginImplausible", year: 1 });
  });

  it("payback interpolates inside the year it is reached", () => {
    const r = computeFinancials({ ...honey, investment: 500_000_000 }); // 228 per year → 2.2 years
    expect(r.payback).toEqual({ kind: "years", years: 2.2 });
  });

  it('without an investment (step 8 empty) the payback cannot be computed: not "0 years" (issue 14.4)', () => {
    const r = computeFinancials({ ...honey, investment: 0 });
    expect(r.payback).toEqual({ kind: "noInvestment" });
    expect(r.flags).not.toContainEqual({ kind: "paybackBeyondPlan" });
  });

  it("profit identity holds for any inputs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (price, variableCost, quantities, fixed) => {
          const r = computeFinancials({
            years: 5,
            taxRatePercent: 20,
            depreciationPerYear: 0,
            products: [{ name: "x", unit: "kg", price, variableCost, quantities }],
            fixedCosts: [{ name: "f", amount: fixed }],
            investment: 0,
          });
          for (const y of r.years) {
            expect(y.profitBeforeTax).toBe(y.revenue - y.variableCosts - y.fixedCosts);
            expect(y.profitAfterTax).toBe(y.profitBeforeTax - y.tax);
            if (y.breakEvenQuantities !== null && price > variableCost) {
              expect(y.breakEvenQuantities[0] * (price - variableCost)).toBeGreaterThanOrEqual(fixed);
            }
          }
        },
      ),
    );
  });
});
