import { describe, expect, it } from "vitest";
import { getAuth } from "~/auth/guard.server";
import { revokeCertificates } from "~/certificates/certificates.server";
import { completionFacts, learnerCompletionFacts } from "~/certificates/facts.server";
import { issueEarned, myCertificates } from "~/certificates/mine.server";
import { getOutline } from "~/content/outline.server";
import { db } from "~/db/db.server";
import * as home from "~/routes/_index";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, demoAccount, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

const NOW = new Date("2026-11-20T03:00:00Z");
const at = (day: number, hour = 1) => new Date(Date.UTC(2026, 10, day, hour));

/** A course of the demo province with sessions on the given days, the learner enrolled. */
async function courseWith(code: string, userId: number, sessions: { day: number; status?: string; mark?: string }[]) {
  const unitId = (await db().course.findUniqueOrThrow({ where: { code: COURSE.code } })).unitId;
  const course = await db().course.create({
    data: { code, title: `Lớp ${code}`, unitId, enrolmentCode: `E-${code}`, startsOn: at(1), endsOn: at(28) },
  });
  await db().enrolment.create({ data: { courseId: course.id, userId, createdAt: at(1) } });
  for (const s of sessions) {
    const session = await db().classSession.create({
      data: { courseId: course.id, startsAt: at(s.day), endsAt: at(s.day, 4), status: s.status ?? "SCHEDULED", checkinSecret: "x" },
    });
    if (s.mark) await db().attendance.create({ data: { sessionId: session.id, userId, status: s.mark } });
  }
  return course.id;
}

/** An attempt of the learner in one class (attempts belong to the enrolment). */
async function attempt(courseId: number, userId: number, module: string, passed: boolean | null) {
  const enrolment = await db().enrolment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } } });
  const number = (await db().quizAttempt.count({ where: { enrolmentId: enrolment.id, module } })) + 1;
  await db().quizAttempt.create({
    data: { token: crypto.randomUUID(), enrolmentId: enrolment.id, module, number, layout: "{}", passed, status: passed === null ? "OPEN" : "SUBMITTED" },
  });
}

const sorted = (f: { passedModules: string[] } & Record<string, unknown>) => ({ ...f, passedModules: [...f.passedModules].sort() });

describe("a learner's completion facts in all their courses at once", () => {
  it("equal the per-course facts, course by course", async () => {
    const userId = await userIdOf(demoAccount("learner").email);
    const demo = (await db().course.findUniqueOrThrow({ where: { code: COURSE.code } })).id;
    const mixed = await courseWith("FACTS-A", userId, [
      { day: 2, mark: "PRESENT" },
      { day: 3, mark: "LATE" },
      { day: 4, mark: "EXCUSED" },
      { day: 5, mark: "ABSENT" },
      { day: 6 }, // unmarked, but taken (another learner is marked below): an absence
      { day: 7, status: "CANCELLED", mark: "PRESENT" }, // cancelled: neither held nor attended
      { day: 20, mark: "PRESENT" }, // starts exactly at NOW: held (the bound is inclusive)
      { day: 25, mark: "PRESENT" }, // not held yet
    ]);
    const empty = await courseWith("FACTS-B", userId, []);
    const future = await courseWith("FACTS-C", userId, [{ day: 27 }]);
    // another learner's marks in the same course must not count
    const other = await userIdOf("0913000001");
    const someSession = await db().classSession.findFirstOrThrow({ where: { courseId: mixed, startsAt: at(6) } });
    await db().attendance.create({ data: { sessionId: someSession.id, userId: other, status: "PRESENT" } });
    const modules = (await getOutline()).filter((m) => m.hasQuiz).map((m) => m.slug);
    await attempt(mixed, userId, modules[0], true);
    await attempt(mixed, userId, modules[0], true); // passed twice: listed once
    await attempt(mixed, userId, modules[1], false);
    await attempt(mixed, userId, modules[2], null);
    await attempt(empty, userId, modules[3], true); // another class of the learner's: counts there only
    await attempt(demo, other, modules[2], true);

    const batched = await learnerCompletionFacts(userId, at(20));
    expect([...batched.keys()].sort((a, b) => a - b)).toEqual([demo, mixed, empty, future].sort((a, b) => a - b));
    for (const courseId of [demo, mixed, empty, future]) {
      const single = (await completionFacts(courseId, [userId], at(20))).get(userId)!;
      expect(sorted(batched.get(courseId)!)).toEqual(sorted(single));
    }
    expect(batched.get(mixed)).toEqual({ sessionsHeld: 6, sessionsAttended: 3, passedModules: [modules[0]] });
    expect(batched.get(empty)).toEqual({ sessionsHeld: 0, sessionsAttended: 0, passedModules: [modules[3]] });
    expect(batched.get(demo)!.passedModules).toEqual([]);
    expect(batched.get(future)!.sessionsHeld).toBe(0);
    // the seeded course's sessions were held before NOW too
    expect(batched.get(demo)!.sessionsHeld).toBeGreaterThan(0);
  });

  it("issueEarned issues once when the rule is met; myCertificates shows it, keeps the code, and shows a revoked one", async () => {
    const userId = await userIdOf("0913000002");
    const modules = (await getOutline()).filter((m) => m.hasQuiz).map((m) => m.slug);
    const done = await courseWith("MINE-A", userId, [
      { day: 2, mark: "PRESENT" },
      { day: 3, mark: "ABSENT" },
    ]);
    await db().completionRule.create({ data: { courseId: done, minAttendancePercent: 50, requiredModules: modules[0] } });
    const short = await courseWith("MINE-B", userId, [{ day: 2, mark: "ABSENT" }]);
    await attempt(done, userId, modules[0], true);

    expect(await myCertificates(userId, NOW)).toSatisfy((items: { certificate: unknown }[]) => items.every((i) => i.certificate === null));
    expect(await issueEarned(userId, NOW)).toBe(1);
    expect(await issueEarned(userId, NOW)).toBe(0);
    const first = await myCertificates(userId, NOW);
    const byCourse = new Map(first.map((c) => [c.courseId, c]));
    const issued = byCourse.get(done)!.certificate;
    expect(issued).toMatchObject({ revoked: null });
    expect(byCourse.get(done)!.missing).toEqual([]);
    expect(byCourse.get(short)!.certificate).toBeNull();
    expect(byCourse.get(short)!.missing.length).toBe(1 + modules.length); // attendance and every quiz: the one passed in MINE-A counts there only
    expect(byCourse.get(short)!.startsOn).toEqual(at(1));
    expect(await db().certificate.count({ where: { userId } })).toBe(1);

    const again = await myCertificates(userId, NOW);
    expect(again.find((c) => c.courseId === done)!.certificate!.code).toBe(issued!.code);
    await revokeCertificates(done, [userId], "Cấp nhầm", userId);
    expect((await myCertificates(userId, NOW)).find((c) => c.courseId === done)!.certificate).toEqual({ code: issued!.code, revoked: "Cấp nhầm" });
    expect(await db().certificate.count({ where: { userId } })).toBe(1);
  });
});

describe("the learner's home", () => {
  it("lists each course with its dates and certificate status", async () => {
    const userId = await userIdOf("0913000003");
    const extra = await courseWith("HOME-A", userId, []);
    const cookie = await cookieFor(userId);
    const res = await run(() => home.loader({ request: getRequest("/", { cookie }), params: {}, context: testContext() }));
    expect(res.status).toBe(200);
    const demo = (await db().course.findUniqueOrThrow({ where: { code: COURSE.code } })).id;
    // newest first: the demo course starts on 02/11, this one on 01/11
    expect(res.data.learning.map((c: { id: number }) => c.id)).toEqual([demo, extra]);
    expect(res.data.learning[1]).toMatchObject({ id: extra, title: "Lớp HOME-A", from: "01/11/2026", to: "28/11/2026" });
    expect(res.data.certificates.map((c: { courseId: number }) => c.courseId)).toEqual([demo, extra]);
    expect(res.data.certificates[1]).toMatchObject({ title: "Lớp HOME-A", certificate: null });
  });

  it("one session lookup serves all loaders of a page load, never another user or a POST", async () => {
    const [a, b] = [await cookieFor("learner"), await cookieFor("trainer")];
    const context = testContext();
    const first = getAuth(getRequest("/", { cookie: a }), context);
    expect(getAuth(getRequest("/", { cookie: a }), context)).toBe(first);
    expect(getAuth(getRequest("/", { cookie: a }), testContext())).not.toBe(first);
    expect((await getAuth(getRequest("/", { cookie: b }), context))!.user.fullName).toBe(demoAccount("trainer").fullName);
    expect(getAuth(postRequest("/", {}, { cookie: a }), context)).not.toBe(first);
    expect((await first)!.user.fullName).toBe(demoAccount("learner").fullName);
  });
});
