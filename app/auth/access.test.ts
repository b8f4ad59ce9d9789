import { describe, expect, it } from "vitest";
import { PUBLIC, SIGNED_IN, allows, definePermissions, grantsFor } from "./access";
import type { RoleGrant } from "./roles";

const province = "/1/";
const district = "/1/2/";
const commune = "/1/2/3/";
const otherCommune = "/1/5/6/";
const grant = (role: RoleGrant["role"], unitPath: string): RoleGrant => ({ role, unitPath, unitId: 0, unitName: "", unitLevel: "COMMUNE" });
const rules = definePermissions({ appraise: ["appraiser", "admin"] });

describe("access rules", () => {
  it("public and signed-in rules allow any signed-in user", () => {
    expect(allows([], PUBLIC)).toBe(true);
    expect(allows([grant("learner", commune)], SIGNED_IN)).toBe(true);
  });
  it("a role rule needs one of its roles", () => {
    expect(allows([grant("learner", province)], rules.appraise)).toBe(false);
    expect(allows([grant("appraiser", commune)], rules.appraise)).toBe(true);
  });
  it("a role held at a unit covers that unit and the units below it, not its neighbours or parents", () => {
    const districtAppraiser = [grant("appraiser", district)];
    expect(allows(districtAppraiser, rules.appraise, commune)).toBe(true);
    expect(allows(districtAppraiser, rules.appraise, district)).toBe(true);
    expect(allows(districtAppraiser, rules.appraise, otherCommune)).toBe(false);
    expect(allows(districtAppraiser, rules.appraise, province)).toBe(false);
    // "/1/2/" must not cover "/1/23/"
    expect(allows(districtAppraiser, rules.appraise, "/1/23/")).toBe(false);
  });
  it("lists only the grants that satisfy a rule", () => {
    const grants = [grant("learner", commune), grant("admin", province)];
    expect(grantsFor(grants, rules.appraise).map((g) => g.role)).toEqual(["admin"]);
  });
});
