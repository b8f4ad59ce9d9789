import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrintedPlan } from "./print";
import { STEP_COUNT, type StepValues, nestFormValues, parseStep } from "./steps";

const plan = { title: "Mật ong", org: "HTX Ong Vàng", kind: "Hợp tác xã", address: "Hương Sơn", unit: "Hà Tĩnh" };
const draft = (n: number, flat: Record<string, string>): StepValues => {
  const r = parseStep(n, "draft", nestFormValues(flat));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.values;
};
function printed(given: Record<number, StepValues>): string {
  const steps = Array.from({ length: STEP_COUNT }, (_, i) => given[i + 1] ?? {});
  return renderToStaticMarkup(createElement(PrintedPlan, { plan, printed: "01/12/2026", steps }));
}

describe("the printed plan", () => {
  it("prints the national motto from the catalogue and a year as typed", () => {
    const html = printed({ 1: draft(1, { foundedYear: "2017", members: "1200" }) });
    expect(html).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(html).toContain("Độc lập – Tự do – Hạnh phúc");
    expect(html).toContain("2017");
    expect(html).not.toContain("2.017");
    expect(html).toContain("1.200");
  });

  it("prints the quantity columns of the plan's years only", () => {
    const step9 = draft(9, { years: "3", "products.0.name": "Mật", "products.0.q1": "10", "products.0.q4": "40" });
    const html = printed({ 9: step9 });
    expect(html).toContain("Sản lượng năm 3");
    expect(html).not.toContain("Sản lượng năm 4");
    expect(printed({ 9: { ...step9, years: "4" } })).toContain("Sản lượng năm 4");
  });

  it("prints the self-assessment by its summary, before the remarks on it", () => {
    const html = printed({ 12: draft(12, { A: "27", B: "16", C: "24", improvements: "Cải tiến bao bì" }) });
    const total = html.indexOf('data-testid="assessment-total"');
    expect(total).toBeGreaterThan(0);
    expect(html.indexOf("Cải tiến bao bì")).toBeGreaterThan(total);
    expect(html).toContain("67/100");
  });
});
