import { describe, expect, it } from "vitest";
import { admissionRefusal, admits, classProblems, requiredWithin, shiftDays } from "./rules";

const ALL = ["a", "b", "c", "d"];
const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

describe("class rules", () => {
  it("refuses an end before the start, a capacity below the enrolment, no module, an unknown or repeated module", () => {
    const ok = { startsOn: day("2027-03-01"), endsOn: day("2027-03-01"), capacity: 10, modules: ["b", "a"] };
    expect(classProblems(ok, ALL, 10)).toEqual({});
    expect(classProblems({ ...ok, endsOn: day("2027-02-28") }, ALL, 0)).toEqual({ endsOn: "endBeforeStart" });
    expect(classProblems(ok, ALL, 11)).toEqual({ capacity: "capacityBelowEnrolment" });
    expect(classProblems({ ...ok, modules: [] }, ALL, 0)).toEqual({ modules: "noModule" });
    expect(classProblems({ ...ok, modules: ["x"] }, ALL, 0)).toEqual({ modules: "unknownModule" });
    expect(classProblems({ ...ok, modules: ["a", "a"] }, ALL, 0)).toEqual({ modules: "unknownModule" });
  });

  it("an audience unit admits its subtree; no audience is the organiser's subtree; no unit is not admitted", () => {
    expect(admits(["/1/4/"], "/1/", "/1/4/17/")).toBe(true);
    expect(admits(["/1/4/"], "/1/", "/1/5/")).toBe(false);
    expect(admits([], "/1/4/", "/1/4/17/")).toBe(true);
    expect(admits([], "/1/4/", "/1/5/")).toBe(false);
    expect(admits([], "/1/", null)).toBe(false);
  });

  it("admission: archived first, then audience, then room", () => {
    const a = { archived: false, capacity: 2, enrolled: 1, organiserPath: "/1/", audiencePaths: [] };
    expect(admissionRefusal(a, ["/1/2/"])).toBeNull();
    expect(admissionRefusal(a, ["/1/2/", "/1/3/"])).toBe("full");
    expect(admissionRefusal({ ...a, capacity: null }, ["/1/2/", "/1/3/"])).toBeNull();
    expect(admissionRefusal(a, ["/9/"])).toBe("notAudience");
    expect(admissionRefusal({ ...a, archived: true }, ["/1/2/"])).toBe("archived");
  });

  it("counts whole days between two Vietnamese days, across a leap day", () => {
    expect(shiftDays("2026-11-02", "2027-11-01")).toBe(364);
    expect(shiftDays("2028-02-28", "2028-03-01")).toBe(2);
    expect(shiftDays("2027-03-05", "2027-03-01")).toBe(-4);
  });

  it("keeps the required modules the class still teaches", () => {
    expect(requiredWithin("a,b,c", ["a", "c"])).toBe("a,c");
    expect(requiredWithin("", ["a"])).toBe("");
  });
});
