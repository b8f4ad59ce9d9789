import { describe, expect, it } from "vitest";
import { typedMoment } from "./queued-checkin";
import { arrivalStatus, checkinState } from "./window";

const MIN = 60_000;
const arrival = new Date("2026-12-02T02:00:00Z");

describe("a check-in queued on the phone", () => {
  it("is dated by its delay on the phone's clock, whatever that clock's offset", () => {
    // the phone's clock runs 7 minutes fast: typed 40 minutes before it was sent
    const offset = 7 * MIN;
    const typedAt = new Date(arrival.getTime() - 40 * MIN + offset);
    const sentAt = new Date(arrival.getTime() + offset);
    expect(typedMoment({ typedAt, sentAt }, arrival, 120)).toEqual({ ok: true, moment: new Date(arrival.getTime() - 40 * MIN) });
  });

  it("is refused when it waited longer than the setting, and accepted at exactly the setting", () => {
    const sentAt = arrival;
    expect(typedMoment({ typedAt: new Date(arrival.getTime() - 120 * MIN), sentAt }, arrival, 120).ok).toBe(true);
    expect(typedMoment({ typedAt: new Date(arrival.getTime() - 120 * MIN - 1), sentAt }, arrival, 120)).toEqual({ ok: false, reason: "tooOld" });
    expect(typedMoment({ typedAt: new Date(arrival.getTime() - 31 * MIN), sentAt }, arrival, 30)).toEqual({ ok: false, reason: "tooOld" });
  });

  it("is refused when it claims to be typed after it was sent (the moment must precede the arrival)", () => {
    expect(typedMoment({ typedAt: new Date(arrival.getTime() + 1), sentAt: arrival }, arrival, 120)).toEqual({ ok: false, reason: "badMoment" });
    expect(typedMoment({ typedAt: new Date(Number.NaN), sentAt: arrival }, arrival, 120)).toEqual({ ok: false, reason: "badMoment" });
  });

  it("takes its window and its status from the typed moment, not from the arrival", () => {
    const session = {
      startsAt: new Date(arrival.getTime() - 60 * MIN),
      endsAt: new Date(arrival.getTime() - 10 * MIN),
      graceBeforeMin: 15,
      graceAfterMin: 0,
      lateAfterMin: 15,
      status: "SCHEDULED",
    };
    const at = (minutesBeforeArrival: number) =>
      typedMoment({ typedAt: new Date(arrival.getTime() - minutesBeforeArrival * MIN), sentAt: arrival }, arrival, 120);
    const early = at(55); // 5 minutes after the start
    const later = at(30); // 30 minutes after the start
    const after = at(5); // after the session's end
    if (!early.ok || !later.ok || !after.ok) throw new Error("moments refused");
    expect(checkinState(session, arrival)).toBe("closed");
    expect([checkinState(session, early.moment), arrivalStatus(session, early.moment)]).toEqual(["open", "PRESENT"]);
    expect([checkinState(session, later.moment), arrivalStatus(session, later.moment)]).toEqual(["open", "LATE"]);
    expect(checkinState(session, after.moment)).toBe("closed");
  });
});
