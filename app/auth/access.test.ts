import { describe, expect, it } from "vitest";
import { PUBLIC, SIGNED_IN, allows, definePermissions } from "./access";
import type { RoleGrant } from "./roles";

const grant = (role: RoleGrant["role"], unitPath: string): RoleGrant => ({ role, unitPath, unitId: 0, unitName: "", unitLevel: "COMMUNE" });
const rules = definePermissions({ appraise: ["appraiser", "admin"] });

describe("access rules", () => {
  it("public and signed-in rules allow any signed-in user", () => {
    expect(allows([], PUBLIC)).toBe(true);
    expect(allows([grant("learner", "/1/2/3/")], SIGNED_IN)).toBe(true);
  });
  it("a role rule needs one of its roles, at any unit (objects are scoped by app/access)", () => {
    expect(allows([grant("learner", "/1/")], rules.appraise)).toBe(false);
    expect(allows([grant("appraiser", "/1/2/3/")], rules.appraise)).toBe(true);
  });
});
