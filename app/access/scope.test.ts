import { describe, expect, it } from "vitest";
import { definePermissions } from "~/auth/access";
import type { RoleGrant, UnitLevel } from "~/auth/roles";
import { appraiserActs, courseVia, covers, coversPerson, planVia, unitPathsFor } from "./scope";

const province = "/1/";
const district = "/1/2/";
const commune = "/1/2/3/";
const otherCommune = "/1/5/6/";
const level = (path: string): UnitLevel => (["PROVINCE", "DISTRICT", "COMMUNE"] as const)[path.split("/").filter(Boolean).length - 1];
const grant = (role: RoleGrant["role"], unitPath: string): RoleGrant => ({ role, unitPath, unitId: 0, unitName: "", unitLevel: level(unitPath) });
const rules = definePermissions({
  manage: ["trainer", "admin"],
  study: ["learner", "producer", "trainer", "admin"],
  plans: ["producer", "consultant"],
  people: ["admin"],
});

describe("units", () => {
  it("a role held at a unit covers that unit and the units below it, not its neighbours or parents", () => {
    expect(covers([district], commune)).toBe(true);
    expect(covers([district], district)).toBe(true);
    expect(covers([district], otherCommune)).toBe(false);
    expect(covers([district], province)).toBe(false);
    expect(covers([district], "/1/23/")).toBe(false); // "/1/2/" must not cover "/1/23/"
    expect(covers([], commune)).toBe(false); // no units reach nothing, never everything
  });
  it("lists only the units of the rule's roles", () => {
    expect(unitPathsFor([grant("learner", commune), grant("admin", province)], rules.people)).toEqual([province]);
  });
});

describe("courses", () => {
  const facts = { unitPath: commune, enrolled: false, teaches: false };
  it("a trainer reaches only the courses they teach", () => {
    expect(courseVia([grant("trainer", province)], rules.manage, facts).size).toBe(0);
    expect([...courseVia([grant("trainer", province)], rules.manage, { ...facts, teaches: true })]).toEqual(["trainer"]);
  });
  it("an admin reaches the courses of their units only", () => {
    expect([...courseVia([grant("admin", district)], rules.manage, facts)]).toEqual(["admin"]);
    expect(courseVia([grant("admin", otherCommune)], rules.manage, facts).size).toBe(0);
    expect(courseVia([grant("admin", "/1/5/")], rules.manage, { ...facts, unitPath: province }).size).toBe(0);
  });
  it("enrolment counts for the learning roles, and only under a rule that names them", () => {
    const learner = [grant("learner", commune)];
    expect([...courseVia(learner, rules.study, { ...facts, enrolled: true })]).toEqual(["learner"]);
    expect(courseVia(learner, rules.manage, { ...facts, enrolled: true }).size).toBe(0);
    expect(courseVia([grant("trainer", province)], rules.study, { ...facts, enrolled: true }).size).toBe(0);
  });
});

describe("plans", () => {
  const plan = { ownerId: 7, invited: false, status: "DRAFT" };
  it("the owner is a producer who owns the organisation", () => {
    expect(planVia([grant("producer", commune)], rules.plans, 7, plan)).toBe("owner");
    expect(planVia([grant("producer", commune)], rules.plans, 8, plan)).toBe(null);
    expect(planVia([grant("consultant", province)], rules.plans, 7, plan)).toBe(null);
  });
  it("an invited consultant reads drafts only", () => {
    const consultant = [grant("consultant", province)];
    expect(planVia(consultant, rules.plans, 9, { ...plan, invited: true })).toBe("consultant");
    expect(planVia(consultant, rules.plans, 9, { ...plan, invited: true, status: "RETURNED" })).toBe("consultant");
    for (const status of ["SUBMITTED", "APPROVED", "REJECTED", "LAPSED"])
      expect(planVia(consultant, rules.plans, 9, { ...plan, invited: true, status })).toBe(null);
    expect(planVia(consultant, rules.plans, 9, plan)).toBe(null);
  });
});

describe("cases", () => {
  it("an appraiser acts only on an open case at their level within their unit", () => {
    const communeAppraiser = [grant("appraiser", commune)];
    expect(appraiserActs(communeAppraiser, { level: "COMMUNE", unitPath: commune, status: "SUBMITTED" })).toBe(true);
    expect(appraiserActs(communeAppraiser, { level: "DISTRICT", unitPath: commune, status: "SUBMITTED" })).toBe(false);
    expect(appraiserActs(communeAppraiser, { level: "COMMUNE", unitPath: commune, status: "RETURNED" })).toBe(false);
    expect(appraiserActs(communeAppraiser, { level: "COMMUNE", unitPath: otherCommune, status: "SUBMITTED" })).toBe(false);
  });
});

describe("people", () => {
  it("an admin acts on a person only when the home unit and every role lie within the admin's units", () => {
    expect(coversPerson([district], { unitPath: commune, rolePaths: [commune, district] })).toBe(true);
    expect(coversPerson([district], { unitPath: commune, rolePaths: [commune, province] })).toBe(false);
    expect(coversPerson([district], { unitPath: otherCommune, rolePaths: [] })).toBe(false);
    expect(coversPerson([district], { unitPath: null, rolePaths: [] })).toBe(false);
  });
});
