import { describe, expect, it } from "vitest";
import { inTime } from "./grading";
import { judgedAt } from "./offline";

const MIN = 60_000;
const startedAt = new Date("2026-12-02T02:00:00Z");
const deadline = new Date(startedAt.getTime() + 20 * MIN);

describe("a quiz submission that waited on the phone", () => {
  it("is judged when it was answered, so an answer before the deadline that arrives after it counts", () => {
    const arrival = new Date(deadline.getTime() + 10 * MIN);
    const answeredAt = new Date(deadline.getTime() - 2 * MIN + 3 * MIN); // the phone's clock 3 minutes fast
    const sentAt = new Date(arrival.getTime() + 3 * MIN);
    const at = judgedAt(startedAt, { answeredAt, sentAt }, arrival, 30);
    expect(at).toEqual(new Date(deadline.getTime() - 2 * MIN));
    expect(inTime(deadline, at)).toBe(true);
    expect(inTime(deadline, judgedAt(startedAt, null, arrival, 30))).toBe(false); // online, the same arrival is late
  });

  it("never dates a submission earlier than the allowance before its arrival", () => {
    const arrival = new Date(deadline.getTime() + 45 * MIN);
    const claim = { answeredAt: new Date(deadline.getTime() - MIN), sentAt: arrival };
    expect(judgedAt(startedAt, claim, arrival, 30)).toEqual(new Date(arrival.getTime() - 30 * MIN));
    expect(inTime(deadline, judgedAt(startedAt, claim, arrival, 30))).toBe(false);
    expect(inTime(deadline, judgedAt(startedAt, claim, arrival, 60))).toBe(true);
    expect(judgedAt(startedAt, claim, arrival, 0)).toEqual(arrival);
  });

  it("never before the attempt started, and a claim sent before it was answered is ignored", () => {
    const arrival = new Date(startedAt.getTime() + 5 * MIN);
    expect(judgedAt(startedAt, { answeredAt: new Date(startedAt.getTime() - 60 * MIN), sentAt: arrival }, arrival, 120)).toEqual(startedAt);
    expect(judgedAt(startedAt, { answeredAt: new Date(arrival.getTime() + MIN), sentAt: arrival }, arrival, 120)).toEqual(arrival);
  });
});
