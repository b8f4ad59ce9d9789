import { describe, expect, it } from "vitest";
import { DEMO_STEPS } from "../../prisma/seed-plans";
import { diffVersions } from "./diff";

describe("diffVersions", () => {
  it("lists only the changed fields, per step, formatted", () => {
    const b = structuredClone(DEMO_STEPS) as Record<number, Record<string, unknown>>;
    b[9] = { ...b[9], depreciation: "70000000" };
    b[2] = { ...b[2], community: "30 hộ" };
    const d = diffVersions(DEMO_STEPS, b);
    expect(d.map((s) => s.step)).toEqual([2, 9]);
    expect(d[1].changes).toEqual([{ key: "depreciation", label: "Khấu hao mỗi năm (đồng)", before: "60.000.000", after: "70.000.000" }]);
    expect(diffVersions(DEMO_STEPS, DEMO_STEPS)).toEqual([]);
  });
});
