import { describe, expect, it } from "vitest";
import { settingsSchema } from "./schemas.server";
import { rulesFromRow, rulesToRow, validChain } from "./settings";

describe("province appraisal settings", () => {
  it("accepts the 2020 chain and today's two-level chain", () => {
    expect(validChain(["COMMUNE", "DISTRICT", "PROVINCE"])).toBe(true);
    expect(validChain(["COMMUNE", "PROVINCE"])).toBe(true);
    expect(validChain(["PROVINCE"])).toBe(true);
  });
  it("refuses chains that repeat, go down, or do not end at the province", () => {
    expect(validChain([])).toBe(false);
    expect(validChain(["COMMUNE"])).toBe(false);
    expect(validChain(["PROVINCE", "COMMUNE"])).toBe(false);
    expect(validChain(["COMMUNE", "COMMUNE", "PROVINCE"])).toBe(false);
  });
  it("parses a full form and reports the bad holiday at its field", () => {
    const ok = settingsSchema.safeParse({
      level1: "COMMUNE",
      level2: "PROVINCE",
      level3: "",
      deadlineCOMMUNE: "5",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "10",
      deadlineKind: "WORKING",
      overdueRule: "LAPSE",
      showOfficerNames: "on",
      holidays: "02/09/2026\n01/01/2027",
    });
    expect(ok.success && ok.data).toEqual({
      levels: ["COMMUNE", "PROVINCE"],
      deadlineDays: { COMMUNE: 5, DISTRICT: 5, PROVINCE: 10 },
      deadlineKind: "WORKING",
      holidays: ["2026-09-02", "2027-01-01"],
      overdueRule: "LAPSE",
      clockOnResubmit: "RESTART",
      showOfficerNames: true,
    });
    const bad = settingsSchema.safeParse({
      level1: "COMMUNE",
      level2: "PROVINCE",
      deadlineCOMMUNE: "5",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "10",
      deadlineKind: "CALENDAR",
      overdueRule: "FLAG",
      holidays: "30/02/2026",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["holidays"]);
    const zero = settingsSchema.safeParse({
      level1: "PROVINCE",
      deadlineCOMMUNE: "0",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "5",
      deadlineKind: "CALENDAR",
      overdueRule: "FLAG",
    });
    expect(zero.error?.issues[0].path).toEqual(["deadlineCOMMUNE"]);
  });
  it("refuses an unknown overdue rule and reads an unchecked name box as hidden names", () => {
    const base = { level1: "PROVINCE", deadlineCOMMUNE: "5", deadlineDISTRICT: "5", deadlinePROVINCE: "10", deadlineKind: "CALENDAR" };
    expect(settingsSchema.safeParse({ ...base, overdueRule: "DELETE" }).error?.issues[0].path).toEqual(["overdueRule"]);
    const parsed = settingsSchema.safeParse({ ...base, overdueRule: "FLAG" });
    expect(parsed.success && parsed.data.showOfficerNames).toBe(false);
    expect(rulesToRow(rulesFromRow(rulesToRow(parsed.data!)))).toEqual(rulesToRow(parsed.data!));
    expect(rulesFromRow(null)).toMatchObject({ overdueRule: "FLAG", showOfficerNames: false, deadlineDays: { COMMUNE: 5, DISTRICT: 5, PROVINCE: 5 } });
  });
});
