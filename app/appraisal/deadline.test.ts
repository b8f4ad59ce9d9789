import { describe, expect, it } from "vitest";
import { vnDay } from "~/i18n/format";
import { deadlineFor, timeLeft } from "./deadline";
import { decide, overdueStatus, resubmit } from "./workflow";
import { funnel, lapsedLocalities } from "./stats";

const at = (iso: string) => new Date(iso);
const rules = (kind: "CALENDAR" | "WORKING", days = 5, holidays: string[] = []) => ({
  deadlineDays: { COMMUNE: days, DISTRICT: days, PROVINCE: days },
  deadlineKind: kind,
  holidays,
});

describe("deadlineFor", () => {
  it("counts the deadline of the level that holds the case", () => {
    const perLevel = { deadlineDays: { COMMUNE: 5, DISTRICT: 7, PROVINCE: 10 }, deadlineKind: "CALENDAR" as const, holidays: [] };
    expect(vnDay(deadlineFor(at("2026-11-02T03:00:00Z"), perLevel, "COMMUNE"))).toBe("2026-11-07");
    expect(vnDay(deadlineFor(at("2026-11-02T03:00:00Z"), perLevel, "PROVINCE"))).toBe("2026-11-12");
  });

  it("calendar days: end of the 5th local day after receipt", () => {
    // received Monday 02/11/2026 10:00 in Hà Tĩnh (03:00Z) → Saturday 07/11 23:59:59.999 local
    expect(deadlineFor(at("2026-11-02T03:00:00Z"), rules("CALENDAR"), "COMMUNE").toISOString()).toBe("2026-11-07T16:59:59.999Z");
  });

  it("counts the local day, not the UTC day (receipt at 23:30 local is still that day)", () => {
    // 16:30Z on 01/11 is 23:30 local 01/11; 17:30Z on 01/11 is 00:30 local 02/11
    expect(vnDay(at("2026-11-01T16:30:00Z"))).toBe("2026-11-01");
    expect(vnDay(at("2026-11-01T17:30:00Z"))).toBe("2026-11-02");
    expect(deadlineFor(at("2026-11-01T17:30:00Z"), rules("CALENDAR", 1), "COMMUNE").toISOString()).toBe("2026-11-03T16:59:59.999Z");
  });

  it("working days skip weekends and holidays", () => {
    // Thursday 05/11/2026 → Fri 6, Mon 9, Tue 10, Wed 11, Thu 12
    expect(vnDay(deadlineFor(at("2026-11-05T02:00:00Z"), rules("WORKING"), "COMMUNE"))).toBe("2026-11-12");
    // with Tuesday 10/11 a holiday → Fri 13
    expect(vnDay(deadlineFor(at("2026-11-05T02:00:00Z"), rules("WORKING", 5, ["2026-11-10"]), "COMMUNE"))).toBe("2026-11-13");
    // received on a Saturday: the count starts Monday
    expect(vnDay(deadlineFor(at("2026-11-07T02:00:00Z"), rules("WORKING", 1), "COMMUNE"))).toBe("2026-11-09");
  });

  it("crosses month and year boundaries (Tết holidays included)", () => {
    expect(vnDay(deadlineFor(at("2026-12-29T02:00:00Z"), rules("CALENDAR"), "COMMUNE"))).toBe("2027-01-03");
    // Tue 29/12/2026 working: Wed 30, Thu 31, [Fri 01/01 holiday], Mon 4, Tue 5, Wed 6
    expect(vnDay(deadlineFor(at("2026-12-29T02:00:00Z"), rules("WORKING", 5, ["2027-01-01"]), "COMMUNE"))).toBe("2027-01-06");
    expect(vnDay(deadlineFor(at("2027-02-26T02:00:00Z"), rules("CALENDAR", 3), "COMMUNE"))).toBe("2027-03-01");
  });

  it("time left and overdue", () => {
    const deadline = at("2026-11-07T16:59:59.999Z");
    expect(timeLeft(at("2026-11-05T16:59:59.999Z"), deadline)).toEqual({ overdue: false, days: 2, hours: 0 });
    expect(timeLeft(at("2026-11-08T04:00:00Z"), deadline).overdue).toBe(true);
  });
});

describe("state machine", () => {
  const chain = ["COMMUNE", "PROVINCE"] as const;
  const three = ["COMMUNE", "DISTRICT", "PROVINCE"] as const;
  it("forwards up the chain and approves only at the last level", () => {
    expect(decide({ status: "SUBMITTED", levelIndex: 0 }, "FORWARD", chain, "")).toEqual({
      ok: true,
      next: { status: "SUBMITTED", levelIndex: 1 },
      toLevel: "PROVINCE",
    });
    expect(decide({ status: "SUBMITTED", levelIndex: 0 }, "APPROVE", chain, "")).toEqual({ ok: false, refusal: "notLastLevel" });
    expect(decide({ status: "SUBMITTED", levelIndex: 1 }, "FORWARD", chain, "")).toEqual({ ok: false, refusal: "lastLevel" });
    expect(decide({ status: "SUBMITTED", levelIndex: 1 }, "APPROVE", chain, "").ok).toBe(true);
    expect(decide({ status: "SUBMITTED", levelIndex: 1 }, "FORWARD", three, "")).toMatchObject({ ok: true, toLevel: "PROVINCE" });
  });

  it("return and reject need a reason; final states refuse everything", () => {
    for (const d of ["RETURN", "REJECT"] as const) {
      expect(decide({ status: "SUBMITTED", levelIndex: 0 }, d, chain, "  ")).toEqual({ ok: false, refusal: "reasonRequired" });
      expect(decide({ status: "SUBMITTED", levelIndex: 0 }, d, chain, "Thiếu số liệu")).toMatchObject({ ok: true });
    }
    for (const status of ["APPROVED", "REJECTED", "LAPSED"] as const)
      for (const d of ["FORWARD", "APPROVE", "RETURN", "REJECT"] as const)
        expect(decide({ status, levelIndex: 1 }, d, chain, "x")).toEqual({ ok: false, refusal: "final" });
    for (const d of ["FORWARD", "APPROVE", "RETURN", "REJECT"] as const)
      expect(decide({ status: "RETURNED", levelIndex: 0 }, d, chain, "x")).toEqual({ ok: false, refusal: "notSubmitted" });
  });

  it("a missed deadline flags the case or closes it, as the province rules", () => {
    expect(overdueStatus("FLAG")).toBe("SUBMITTED");
    expect(overdueStatus("LAPSE")).toBe("LAPSED");
    expect(resubmit({ status: "LAPSED", levelIndex: 0 }, chain)).toEqual({ ok: false, refusal: "notReturned" });
  });

  it("a returned case is resubmitted to the level that returned it", () => {
    expect(resubmit({ status: "RETURNED", levelIndex: 1 }, chain)).toEqual({ ok: true, next: { status: "SUBMITTED", levelIndex: 1 }, toLevel: "PROVINCE" });
    expect(resubmit({ status: "SUBMITTED", levelIndex: 0 }, chain)).toEqual({ ok: false, refusal: "notReturned" });
    expect(resubmit({ status: "APPROVED", levelIndex: 1 }, chain).ok).toBe(false);
  });
});

describe("funnel", () => {
  it("aggregates grouped event counts per level", () => {
    const f = funnel(
      180,
      [
        { action: "SUBMIT", fromLevel: "", count: 170 },
        { action: "FORWARD", fromLevel: "COMMUNE", count: 150 },
        { action: "FORWARD", fromLevel: "DISTRICT", count: 125 },
        { action: "RETURN", fromLevel: "COMMUNE", count: 9 },
        { action: "APPROVE", fromLevel: "PROVINCE", count: 120 },
        { action: "REJECT", fromLevel: "PROVINCE", count: 5 },
        { action: "OVERDUE", fromLevel: "DISTRICT", count: 3 },
      ],
      ["COMMUNE", "DISTRICT", "PROVINCE"],
    );
    expect(f.appraisedByLevel).toEqual([
      { level: "COMMUNE", count: 159 },
      { level: "DISTRICT", count: 125 },
      { level: "PROVINCE", count: 125 },
    ]);
    expect(f).toMatchObject({ ideas: 180, submitted: 170, forwarded: 275, approved: 120, returned: 9, rejected: 5, overdue: 3 });
  });
});

describe("lapsedLocalities", () => {
  const units = [
    { id: 1, name: "Tỉnh Hà Tĩnh", level: "PROVINCE" },
    { id: 2, name: "Huyện Can Lộc", level: "DISTRICT" },
    { id: 3, name: "Xã Thiên Lộc", level: "COMMUNE" },
    { id: 4, name: "Huyện Hương Sơn", level: "DISTRICT" },
    { id: 5, name: "Xã Sơn Kim 1", level: "COMMUNE" },
  ];
  it("names the unit on the producer's path at the level that let the case lapse, once per unit", () => {
    expect(
      lapsedLocalities(
        [
          { unitPath: "/1/4/5/", fromLevel: "DISTRICT" },
          { unitPath: "/1/2/3/", fromLevel: "DISTRICT" },
          { unitPath: "/1/2/3/", fromLevel: "DISTRICT" },
          { unitPath: "/1/2/3/", fromLevel: "COMMUNE" },
        ],
        units,
      ),
    ).toEqual([
      { unitId: 2, name: "Huyện Can Lộc", level: "DISTRICT", cases: 2 },
      { unitId: 4, name: "Huyện Hương Sơn", level: "DISTRICT", cases: 1 },
      { unitId: 3, name: "Xã Thiên Lộc", level: "COMMUNE", cases: 1 },
    ]);
  });
  it("skips a lapse whose unit is unknown and gives nothing for no lapses", () => {
    expect(lapsedLocalities([{ unitPath: "/9/", fromLevel: "PROVINCE" }], units)).toEqual([]);
    expect(lapsedLocalities([], units)).toEqual([]);
  });
});
