import { describe, expect, it } from "vitest";
import { PART_SHEET } from "~/ocop/part-sheet";
import { planFinancials } from "./plan-finance";
import { STEPS, checkStored, missingLabels, nestFormValues, parseStep, selfAssessment, toFormValues, toStored } from "./steps";

/** A step's draft values, failing the test when the input does not parse. */
function draftValues(n: number, raw: unknown) {
  const r = parseStep(n, "draft", raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.values;
}

describe("step parsing", () => {
  it("declares the 12 steps of module 4", () => {
    expect(STEPS.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("a draft may be incomplete, a complete step may not", () => {
    expect(parseStep(2, "draft", { workers: "12" }).ok).toBe(true);
    const complete = parseStep(2, "complete", { workers: "12" });
    expect(complete.ok).toBe(false);
    const paths = complete.ok ? [] : Object.keys(complete.errors);
    expect(paths).toEqual(expect.arrayContaining(["structure", "localWorkers", "accounting", "community"]));
    expect(paths).not.toContain("femaleWorkers"); // optional
  });

  it("reports badly typed values at the field in Vietnamese", () => {
    const r = parseStep(8, "draft", nestFormValues({ "items.0.name": "Máy", "items.0.amount": "abc", loans: "-5", ownCapital: "1,2 tỷ" }));
    expect(r.ok).toBe(false);
    const errors = r.ok ? {} : r.errors;
    expect(errors["items.0.amount"]).toMatch(/Số tiền không hợp lệ/);
    expect(errors.loans).toBe("Số tiền không được âm.");
    expect(errors.ownCapital).toBeUndefined();
  });

  it("refuses wrong types and unknown choices", () => {
    expect(parseStep(3, "draft", { ocopGroup: "BANH_KEO" }).ok).toBe(false);
    expect(parseStep(3, "draft", { productName: ["a", "b"] }).ok).toBe(false);
    expect(parseStep(1, "draft", { representative: "x".repeat(100_000) }).ok).toBe(false);
    expect(parseStep(12, "draft", { A: "41" }).ok).toBe(false);
    expect(parseStep(12, "draft", { A: "12,5" }).ok).toBe(true);
    expect(parseStep(12, "draft", { A: "12,3" }).ok).toBe(false);
  });

  it("drops blank table rows and keeps row indexes in error paths", () => {
    const input = nestFormValues({ "risks.0.risk": "", "risks.1.risk": "Mất mùa", "risks.1.likelihood": "CAO", "risks.2.risk": "" });
    const r = parseStep(10, "complete", input);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : Object.keys(r.errors);
    expect(paths).toContain("risks.1.impact");
    expect(paths).toContain("risks"); // needs 2 rows
    const draft = draftValues(10, input);
    expect((draft.risks as unknown[]).length).toBe(1);
  });

  it("financial step requires quantities only for the plan's years", () => {
    const row = {
      "products.0.name": "Mật ong",
      "products.0.unit": "chai",
      "products.0.price": "180.000",
      "products.0.variableCost": "110.000",
      "products.0.q1": "6000",
      "products.0.q2": "6000",
      "products.0.q3": "6.000",
    };
    const base = { years: "3", taxRate: "20", depreciation: "60 triệu", "fixedCosts.0.name": "Lương", "fixedCosts.0.amount": "150.000.000" };
    expect(parseStep(9, "complete", nestFormValues({ ...base, ...row })).ok).toBe(true);
    const four = parseStep(9, "complete", nestFormValues({ ...base, ...row, years: "4" }));
    expect(four.ok ? [] : Object.keys(four.errors)).toEqual(["products.0.q4"]);
  });

  it("stores canonical values that load back to the same values and form", () => {
    const posted = nestFormValues({
      "items.0.name": "Máy chiết rót",
      "items.0.amount": "130 triệu",
      ownCapital: "150.000.000",
      loans: "150000000",
      support: "0",
    });
    const values = draftValues(8, posted);
    const stored = toStored(8, values);
    expect(stored).toEqual({ items: [{ name: "Máy chiết rót", amount: "130000000" }], ownCapital: "150000000", loans: "150000000", support: "0" });
    const loaded = checkStored(8, JSON.stringify(stored));
    expect(loaded.values).toEqual(values);
    expect(loaded.complete).toBe(true);
    expect(toFormValues(8, loaded.values)["items.0.amount"]).toBe("130.000.000");
  });

  it("a corrupt stored row loads as empty and incomplete, never throws", () => {
    const r = checkStored(3, "{not json");
    expect(r.complete).toBe(false);
    expect(missingLabels(3, r.missing)).toContain("Tên thương mại của sản phẩm");
  });
});

describe("self-assessment and finance from steps", () => {
  it("scores the parts with the shared scoring function", () => {
    const s = selfAssessment(draftValues(12, { A: "27", B: "16", C: "24" }));
    expect(s).toEqual({ ok: true, result: { parts: { A: 27, B: 16, C: 24 }, total: 67, stars: 3 } });
    expect(selfAssessment({ A: 27 }).ok).toBe(false);
    const top = selfAssessment({ A: 40, B: 25, C: 35 });
    expect(top.ok && top.result.stars).toBe(5);
  });

  it("asks step 12 for the parts of the shared sheet by part, with the same maxima", () => {
    const scores = STEPS[11].fields.filter((f) => f.kind === "score");
    expect(scores.map((f) => [f.name, f.kind === "score" && f.max])).toEqual(PART_SHEET.criteria.map((c) => [c.id, c.max]));
  });

  it("computes the plan's totals from steps 8 and 9", () => {
    const step8 = draftValues(8, nestFormValues({ "items.0.name": "Đầu tư", "items.0.amount": "300 triệu" }));
    const step9 = draftValues(
      9,
      nestFormValues({
        years: "3",
        taxRate: "20",
        depreciation: "60 triệu",
        "products.0.name": "Mật",
        "products.0.price": "180.000",
        "products.0.variableCost": "110.000",
        "products.0.q1": "6000",
        "fixedCosts.0.name": "Cố định",
        "fixedCosts.0.amount": "150 triệu",
      }),
    );
    const r = planFinancials(step8, step9);
    expect(r.years[0].profitAfterTax).toBe(168_000_000);
    expect(r.years[1].revenue).toBe(0);
  });
});
