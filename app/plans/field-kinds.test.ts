import { describe, expect, it } from "vitest";
import { int, perYear, printedScalar, select, year } from "./field-kinds";
import { type StepSpec, columnInUse, parseStep, planYears, toFormValues } from "./step-engine";
import { INVESTMENT_STEP, STEPS, stepSpec, toFormValues as stepFormValues } from "./steps";

/** A small step of its own: how many years, and a table with a figure per year. */
const yearly: StepSpec = {
  n: 1,
  title: "plans.step9.title",
  guidance: "plans.step9.guidance",
  example: "plans.step9.example",
  fields: [
    select("years", "plans.f.years", ["2", "3"], (v) => `plans.years.${v}` as "plans.years.3"),
    {
      kind: "table",
      name: "lines",
      label: "plans.f.products",
      minRows: 1,
      maxRows: 5,
      yearsFrom: "years",
      columns: [int("count", "plans.f.members"), ...perYear("y", ["plans.f.q1", "plans.f.q2", "plans.f.q3"], 1000)],
    },
  ],
};
const table = yearly.fields[1] as Extract<StepSpec["fields"][number], { kind: "table" }>;
const missing = (raw: unknown) => {
  const r = parseStep(yearly, "complete", raw);
  return r.ok ? [] : Object.keys(r.errors);
};

describe("the year kind", () => {
  it("reads a year like a count but shows it as typed, where a count is grouped", () => {
    const f = year("founded", "plans.f.foundedYear");
    const step: StepSpec = { ...yearly, fields: [f, int("members", "plans.f.members")] };
    const r = parseStep(step, "draft", { founded: "2.017", members: "1200" });
    expect(r).toEqual({ ok: true, values: { founded: 2017, members: 1200 } });
    expect(toFormValues(step, r.ok ? r.values : {})).toEqual({ founded: "2017", members: "1.200" });
    expect(printedScalar(f, 2017)).toBe("2017");
    expect(parseStep(step, "draft", { founded: "2101" }).ok).toBe(false);
  });

  it("is the kind of the producer's founding year", () => {
    expect(stepSpec(1).fields.find((f) => f.name === "foundedYear")?.kind).toBe("year");
    expect(stepFormValues(1, { foundedYear: 2017, members: 25 })).toMatchObject({ foundedYear: "2017", members: "25" });
  });
});

describe("a per-year table", () => {
  const row = { count: "1", y1: "10", y2: "" };

  it("requires the figures of the plan's years only", () => {
    expect(missing({ years: "2", lines: [row] })).toEqual(["lines.0.y2"]);
    expect(missing({ years: "2", lines: [{ ...row, y2: "20" }] })).toEqual([]);
    expect(missing({ years: "3", lines: [{ ...row, y2: "20" }] })).toEqual(["lines.0.y3"]);
  });

  it("asks for every year while the years are not chosen", () => {
    expect(missing({ lines: [row] })).toEqual(["years", "lines.0.y2", "lines.0.y3"]);
  });

  it("keeps what was typed for a year beyond the plan, and hides that column only", () => {
    const r = parseStep(yearly, "draft", { years: "2", lines: [{ ...row, y3: "30" }] });
    expect(r.ok && r.values.lines).toEqual([{ count: 1, y1: 10, y3: 30 }]);
    const years = planYears(yearly, table, { years: "2" });
    expect(table.columns.filter((c) => columnInUse(c, years)).map((c) => c.name)).toEqual(["count", "y1", "y2"]);
  });

  it("reads the years only from a valid choice of its years field", () => {
    expect(planYears(yearly, table, { years: "3" })).toBe(3);
    expect(planYears(yearly, table, { years: "1" })).toBeUndefined();
    expect(planYears(yearly, table, {})).toBeUndefined();
  });
});

describe("the declarations", () => {
  it("every table with per-year columns names a select of its step whose years it has columns for", () => {
    let checked = 0;
    for (const step of STEPS)
      for (const f of step.fields) {
        if (f.kind !== "table" || !f.columns.some((c) => c.planYear !== undefined)) continue;
        const years = step.fields.find((x) => x.name === f.yearsFrom);
        expect(years?.kind, `${step.n}.${f.name}`).toBe("select");
        const options = years?.kind === "select" ? years.options.map(Number) : [];
        const perYearColumns = f.columns.filter((c) => c.planYear !== undefined).map((c) => c.planYear);
        expect(perYearColumns).toEqual(Array.from({ length: Math.max(...options) }, (_, i) => i + 1));
        checked++;
      }
    expect(checked).toBe(1); // step 9's products
  });

  it("step 9's quantities are one column per plan year, for 3 to 5 years", () => {
    const products = stepSpec(9).fields.find((f) => f.name === "products");
    expect(products?.kind === "table" && products.yearsFrom).toBe("years");
    const columns = products?.kind === "table" ? products.columns : [];
    expect(columns.filter((c) => c.planYear !== undefined).map((c) => [c.name, c.planYear, c.required])).toEqual([
      ["q1", 1, true],
      ["q2", 2, true],
      ["q3", 3, true],
      ["q4", 4, true],
      ["q5", 5, true],
    ]);
  });

  it("the investment, finance and assessment summaries belong to steps 8, 9 and 12", () => {
    expect(STEPS.filter((s) => s.summary).map((s) => [s.n, s.summary])).toEqual([
      [8, "investment"],
      [9, "finance"],
      [12, "assessment"],
    ]);
    expect(INVESTMENT_STEP).toBe(8);
  });
});
