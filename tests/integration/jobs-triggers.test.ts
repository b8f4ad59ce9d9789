import { describe, expect, it } from "vitest";
import { sweepOverdue } from "~/appraisal/overdue.server";
import { remindDeadlines } from "~/appraisal/reminders.server";
import { saveAbsenceRule, warnAbsences } from "~/attendance/absence.server";
import { activationHash } from "~/attendance/activation";
import { expireActivationCodes } from "~/attendance/activation.server";
import { remindLearnersOfSessionSoon, remindTrainersOfTomorrow } from "~/attendance/reminders.server";
import { activateAccount } from "~/attendance/roster.server";
import { db } from "~/db/db.server";
import { vnDayStart } from "~/i18n/format";
import { pruneThrottleHits } from "~/ops/throttle.server";
import { closeEndedEnrolments } from "~/courses/manage.server";
import { saveEmailPreferences } from "~/notifications/preferences.server";
import { THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
import { demoAccount, userIdOf } from "../support/http";

/**
 * Every scheduled trigger of the job registry, run as the runner runs it — `run(at)` with the clock
 * moved to the moment that matters — on a real database, asserting who was told what.
 */
const HOUR = 3_600_000;
/** 07:00 in Vietnam on a day (when the deadline reminders run). */
const morningOf = (day: string) => new Date(vnDayStart(day).getTime() + 7 * HOUR);
const eveningOf = (day: string) => new Date(vnDayStart(day).getTime() + 19 * HOUR);

const toldOf = (kind: string) => db().notification.findMany({ where: { kind }, select: { userId: true, text: true, key: true }, orderBy: { id: "asc" } });

/** The seeded Thiên Lộc case (at the commune level) with its deadline at the end of `day` in Vietnam. */
async function caseDueOn(day: string) {
  const plan = await db().businessPlan.findFirstOrThrow({ where: { title: THIENLOC_PLAN_TITLE } });
  const deadlineAt = new Date(vnDayStart(day).getTime() + 24 * HOUR - 1);
  await db().appraisalCase.update({ where: { planId: plan.id }, data: { deadlineAt, status: "SUBMITTED", overdue: false, pausedAt: null } });
  const c = await db().appraisalCase.findUniqueOrThrow({ where: { planId: plan.id } });
  const appraisers = await db().roleAssignment.findMany({
    where: { role: "appraiser", unit: { level: c.level }, unitId: { in: c.unitPath.split("/").filter(Boolean).map(Number) } },
  });
  return { planId: plan.id, deadlineAt, appraisers: appraisers.map((a) => a.userId).sort() };
}

describe("deadline reminders to appraisers", () => {
  it("reminds two days before and on the last day, each once, whatever the re-runs", async () => {
    const { appraisers } = await caseDueOn("2026-12-10");
    expect(appraisers.length).toBeGreaterThan(0);

    await remindDeadlines(morningOf("2026-12-07")); // three days before: not yet
    expect(await toldOf("appraisal.due-soon")).toEqual([]);

    await remindDeadlines(morningOf("2026-12-08"));
    await remindDeadlines(morningOf("2026-12-08")); // a re-run (a crash, a second process)
    await remindDeadlines(morningOf("2026-12-09")); // the day after: already told
    const soon = await toldOf("appraisal.due-soon");
    expect(soon.map((n) => n.userId).sort()).toEqual(appraisers);
    expect(soon[0].text).toContain("10/12/2026");
    expect(soon[0].text).toContain(THIENLOC_PLAN_TITLE);
    expect(await toldOf("appraisal.due-today")).toEqual([]);

    await remindDeadlines(morningOf("2026-12-10"));
    await remindDeadlines(new Date(morningOf("2026-12-10").getTime() + HOUR));
    const today = await toldOf("appraisal.due-today");
    expect(today.map((n) => n.userId).sort()).toEqual(appraisers);
    expect(today[0].text).toContain("ngày cuối");
  });

  it("reminds nobody of a case already decided or returned", async () => {
    const { planId } = await caseDueOn("2026-12-10");
    await db().appraisalCase.update({ where: { planId }, data: { status: "APPROVED" } });
    await remindDeadlines(morningOf("2026-12-08"));
    await db().appraisalCase.update({ where: { planId }, data: { status: "RETURNED", pausedAt: morningOf("2026-12-08") } });
    await remindDeadlines(morningOf("2026-12-10"));
    expect(await db().notification.count({ where: { kind: { in: ["appraisal.due-soon", "appraisal.due-today"] } } })).toBe(0);
  });
});

describe("the province office on a missed deadline", () => {
  const officeId = () => userIdOf(demoAccount("admin").email);

  it("is told when a case goes overdue (FLAG)", async () => {
    await caseDueOn("2026-12-10");
    expect(await sweepOverdue(morningOf("2026-12-11"))).toBe(1);
    const told = await toldOf("appraisal.office-overdue");
    expect(told.map((n) => n.userId)).toEqual([await officeId()]);
    expect(told[0].text).toContain(THIENLOC_PLAN_TITLE);
    await sweepOverdue(morningOf("2026-12-12"));
    expect(await toldOf("appraisal.office-overdue")).toHaveLength(1);
  });

  it("is told when a case lapses under the province's LAPSE rule", async () => {
    const { planId } = await caseDueOn("2026-12-10");
    const province = await db().unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "HT" } });
    await db().provinceSettings.upsert({
      where: { unitId: province.id },
      create: { unitId: province.id, overdueRule: "LAPSE" },
      update: { overdueRule: "LAPSE" },
    });
    await sweepOverdue(morningOf("2026-12-11"));
    expect((await db().appraisalCase.findUniqueOrThrow({ where: { planId } })).status).toBe("LAPSED");
    const told = await toldOf("appraisal.office-lapsed");
    expect(told.map((n) => n.userId)).toEqual([await officeId()]);
    expect(told[0].text).toContain("không được ghi nhận");
  });
});

/** A class of its own: a trainer, three learners (one who never activated their account), sessions as asked. */
async function smallClass(sessions: { startsAt: Date; status?: string }[]) {
  const province = await db().unit.findFirstOrThrow({ where: { level: "PROVINCE", code: "HT" } });
  const tag = Math.random().toString(36).slice(2, 8);
  const trainer = await db().user.create({ data: { fullName: "Giảng viên Lớp Nhỏ", passwordHash: "x", email: `gv-${tag}@example.vn` } });
  // one after another, so their ids follow the list (on PostgreSQL's pool, created at once they need not)
  const learners = [];
  for (const [i, fullName] of ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"].entries()) {
    learners.push(await db().user.create({ data: { fullName, email: `hv${i}-${tag}@example.vn`, passwordHash: i === 2 ? null : "x" } }));
  }
  const course = await db().course.create({
    data: {
      code: `LOP-${tag}`,
      title: "Lớp nhỏ thử nghiệm",
      unitId: province.id,
      enrolmentCode: `MA${tag}`,
      startsOn: new Date("2026-12-01T00:00:00Z"),
      endsOn: new Date("2026-12-31T00:00:00Z"),
      trainers: { create: { userId: trainer.id } },
      enrolments: { create: learners.map((l) => ({ userId: l.id, createdAt: new Date("2026-11-01T00:00:00Z") })) },
    },
  });
  const created = [];
  for (const [i, s] of sessions.entries())
    created.push(
      await db().classSession.create({
        data: {
          courseId: course.id,
          title: `Buổi ${i + 1}`,
          startsAt: s.startsAt,
          endsAt: new Date(s.startsAt.getTime() + 3 * HOUR),
          status: s.status ?? "SCHEDULED",
          place: "Hội trường xã",
          checkinSecret: "secret",
        },
      }),
    );
  return { course, trainer, learners, sessions: created };
}

describe("trainers, the evening before a session", () => {
  it("tells the class's trainers the roster size and who has not activated their account, once", async () => {
    const tomorrowMorning = new Date(vnDayStart("2026-12-03").getTime() + 8 * HOUR);
    const { trainer, sessions } = await smallClass([
      { startsAt: tomorrowMorning },
      { startsAt: new Date(tomorrowMorning.getTime() + 24 * HOUR) }, // the day after: not yet
      { startsAt: new Date(tomorrowMorning.getTime() + 5 * HOUR), status: "CANCELLED" },
    ]);
    await remindTrainersOfTomorrow(eveningOf("2026-12-02"));
    await remindTrainersOfTomorrow(eveningOf("2026-12-02"));
    const told = await toldOf("class.session-eve");
    expect(told.map((n) => [n.userId, n.key])).toEqual([[trainer.id, `class.session-eve:session:${sessions[0].id}:${tomorrowMorning.toISOString()}:eve`]]);
    expect(told[0].text).toContain("03/12/2026 lúc 08:00");
    expect(told[0].text).toContain("3 học viên");
    expect(told[0].text).toContain("Còn 1 người chưa kích hoạt tài khoản: Lê Văn Cường.");
  });
});

describe("learners, a session starting soon (opt-in)", () => {
  it("tells nobody while nobody has turned it on (the kind's default is off)", async () => {
    const at = new Date("2026-12-03T00:30:00Z");
    const { sessions } = await smallClass([{ startsAt: new Date(at.getTime() + 30 * 60_000) }]);
    expect(await remindLearnersOfSessionSoon(at)).toBe(1); // the session was due its reminder
    expect(sessions).toHaveLength(1);
    expect(await db().notification.count({ where: { kind: "class.session-soon" } })).toBe(0);
  });

  it("tells the learners who turned it on, once", async () => {
    const at = new Date("2026-12-03T00:30:00Z");
    const { learners } = await smallClass([{ startsAt: new Date(at.getTime() + 30 * 60_000) }]);
    await saveEmailPreferences(learners[0].id, ["class.session-soon"]);
    await remindLearnersOfSessionSoon(at);
    await remindLearnersOfSessionSoon(new Date(at.getTime() + 5 * 60_000));
    expect((await toldOf("class.session-soon")).map((n) => n.userId)).toEqual([learners[0].id]);
  });
});

describe("enrolment code expiry", () => {
  it("closes the code of a class that ended more than a day ago, not of one still running", async () => {
    const at = new Date("2027-01-02T01:00:00Z");
    const { course } = await smallClass([]); // ends 31/12/2026
    const running = await smallClass([]);
    await db().course.update({ where: { id: running.course.id }, data: { endsOn: new Date("2027-01-31T00:00:00Z") } });
    expect(await closeEndedEnrolments(at)).toBeGreaterThanOrEqual(1);
    expect((await db().course.findUniqueOrThrow({ where: { id: course.id } })).enrolmentOpen).toBe(false);
    expect((await db().course.findUniqueOrThrow({ where: { id: running.course.id } })).enrolmentOpen).toBe(true);
  });
});

describe("absence warnings", () => {
  /** Marks each learner in each session: `marks[l][s]`. */
  async function mark(sessions: { id: number }[], learners: { id: number }[], marks: string[][]) {
    for (const [l, row] of marks.entries())
      for (const [s, status] of row.entries()) await db().attendance.create({ data: { sessionId: sessions[s].id, userId: learners[l].id, status } });
  }
  const days = (n: number) => Array.from({ length: n }, (_, i) => ({ startsAt: new Date(Date.UTC(2026, 11, 1 + i, 1)) }));

  it("warns below the threshold, after each new absence, at most N times, with a copy to the trainer", async () => {
    const { course, trainer, learners, sessions } = await smallClass(days(5));
    await saveAbsenceRule(course.id, { minAttendancePercent: 80, maxWarnings: 2, copyTrainers: true });
    const at = new Date("2026-12-10T00:00:00Z");

    // a session with no mark at all was not taken; in a taken one, unmarked counts as absent (report.ts)
    await mark(sessions.slice(0, 2), learners, [
      ["PRESENT", "PRESENT"],
      ["PRESENT", "ABSENT"],
      ["LATE", "PRESENT"],
    ]);
    expect(await warnAbsences(at)).toBe(1);
    expect(await warnAbsences(at)).toBe(0); // a re-run: nothing new
    const first = await toldOf("class.absence");
    expect(first.map((n) => n.userId)).toEqual([learners[1].id]);
    expect(first[0].text).toContain("1/2");
    const copy = await toldOf("class.absence-copy");
    expect(copy.map((n) => n.userId)).toEqual([trainer.id]);
    expect(copy[0].text).toContain("Trần Thị Bình");

    // a further absence: a second warning; then the limit of two is reached
    await mark(sessions.slice(2, 3), learners, [["PRESENT"], ["ABSENT"], ["PRESENT"]]);
    expect(await warnAbsences(at)).toBe(1);
    await mark(sessions.slice(3, 4), learners, [["PRESENT"], ["ABSENT"], ["PRESENT"]]);
    expect(await warnAbsences(at)).toBe(0);
    expect((await toldOf("class.absence")).map((n) => n.userId)).toEqual([learners[1].id, learners[1].id]);
    expect(await db().absenceWarning.count({ where: { courseId: course.id } })).toBe(2);
  });

  it("warns at the threshold's edge only below it, and not at all in a class without a rule", async () => {
    const { course, learners, sessions } = await smallClass(days(5));
    await mark(sessions, learners, [
      ["PRESENT", "PRESENT", "PRESENT", "PRESENT", "ABSENT"],
      ["PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT"],
      ["PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT"],
    ]);
    const at = new Date("2026-12-10T00:00:00Z");
    expect(await warnAbsences(at)).toBe(0); // no rule
    await saveAbsenceRule(course.id, { minAttendancePercent: 80, maxWarnings: 3, copyTrainers: false });
    expect(await warnAbsences(at)).toBe(0); // 80 % is not below 80 %
    await saveAbsenceRule(course.id, { minAttendancePercent: 81, maxWarnings: 3, copyTrainers: false });
    expect(await warnAbsences(at)).toBe(1);
    expect(await db().notification.count({ where: { kind: "class.absence-copy" } })).toBe(0);
  });
});

describe("activation code expiry", () => {
  it("blanks an expired class code (the class can still issue a new one), removes used and expired reset codes", async () => {
    const at = new Date("2026-12-10T00:00:00Z");
    const { course, learners } = await smallClass([]);
    const [used, expired, valid] = learners;
    const admin = await db().user.create({ data: { fullName: "Người được đặt lại mật khẩu", passwordHash: "x", email: `reset-${course.code}@example.vn` } });
    const row = (userId: number, data: object) =>
      db().accountActivation.create({
        data: { userId, courseId: course.id, codeHash: activationHash(userId, "ABCD2345"), expiresAt: new Date(at.getTime() + HOUR), ...data },
      });
    await row(used.id, { usedAt: new Date(at.getTime() - HOUR) });
    await row(expired.id, { expiresAt: new Date(at.getTime() - 1) });
    await row(valid.id, {});
    await row(admin.id, { courseId: null, expiresAt: new Date(at.getTime() - 1) });

    expect(await expireActivationCodes(at)).toBe(3);
    expect(await expireActivationCodes(at)).toBe(0);
    const left = await db().accountActivation.findMany({ orderBy: { userId: "asc" }, where: { userId: { in: [used.id, expired.id, valid.id, admin.id] } } });
    expect(left.map((r) => [r.userId, r.codeHash === ""])).toEqual([
      [expired.id, true],
      [valid.id, false],
    ]);
    // the blanked code opens nothing, even typed at once
    await db().accountActivation.update({ where: { userId: expired.id }, data: { expiresAt: new Date(Date.now() + HOUR) } });
    expect(await activateAccount(expired.email!, "ABCD2345", "MatKhauMoi@2026")).toBeNull();
  });
});

describe("throttle cleanup", () => {
  it("removes hits older than a day, keeps the recent ones", async () => {
    const at = new Date("2026-12-10T00:00:00Z");
    await db().throttleHit.createMany({
      data: [
        { kind: "login", key: "login:old@example.vn", createdAt: new Date(at.getTime() - 25 * HOUR) },
        { kind: "guess", key: "checkin-ip:10.0.0.1", createdAt: new Date(at.getTime() - 30 * HOUR) },
        { kind: "login", key: "login:recent@example.vn", createdAt: new Date(at.getTime() - HOUR) },
      ],
    });
    const before = await db().throttleHit.count();
    expect(await pruneThrottleHits(at)).toBeGreaterThanOrEqual(2);
    expect(await db().throttleHit.count({ where: { key: "login:recent@example.vn" } })).toBe(1);
    expect(await db().throttleHit.count({ where: { createdAt: { lt: new Date(at.getTime() - 24 * HOUR) } } })).toBe(0);
    expect(await db().throttleHit.count()).toBeLessThan(before);
  });
});
