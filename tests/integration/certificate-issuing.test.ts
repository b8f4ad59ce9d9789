import { describe, expect, it } from "vitest";
import { currentCode } from "~/attendance/checkin-code";
import { createClassSession } from "~/attendance/sessions.server";
import { getContent } from "~/content/content.server";
import { db } from "~/db/db.server";
import type { Quiz } from "~/quiz/schema";
import * as mine from "~/routes/chung-nhan-cua-toi";
import * as checkin from "~/routes/diem-danh";
import * as manage from "~/routes/khoa-hoc.$courseId.chung-nhan";
import * as marking from "~/routes/khoa-hoc.$courseId.diem-danh.$sessionId._index";
import * as quizRoute from "~/routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, demoAccount, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/**
 * Certificates are issued by actions, never by a page view (decision 0023): by the action that completes a
 * learner's last requirement, and by the trainer's "issue" button. Each test builds its own class, in which
 * one session was held and the rule asks for 50 % attendance and the quiz of MODULE.
 */
const MODULE = "tieu-chi-danh-gia";
const hourAgo = () => new Date(Date.now() - 60 * 60_000);

async function classWithRule(code: string, learnerIds: number[]) {
  const unitId = (await db().course.findUniqueOrThrow({ where: { code: COURSE.code } })).unitId;
  const course = await db().course.create({
    data: {
      code,
      title: `Lớp ${code}`,
      unitId,
      enrolmentCode: `E-${code}`,
      startsOn: new Date(Date.now() - 86_400_000),
      endsOn: new Date(Date.now() + 86_400_000),
    },
  });
  const trainerId = await userIdOf(demoAccount("trainer").email);
  await db().courseTrainer.create({ data: { courseId: course.id, userId: trainerId } });
  for (const userId of learnerIds) await db().enrolment.create({ data: { courseId: course.id, userId, createdAt: new Date(Date.now() - 86_400_000) } });
  await db().completionRule.create({ data: { courseId: course.id, minAttendancePercent: 50, requiredModules: MODULE } });
  const now = Date.now();
  const created = await createClassSession(course.id, {
    title: "Buổi kiểm thử",
    startsAt: new Date(now - 10 * 60_000),
    endsAt: new Date(now + 60 * 60_000),
    place: "Hội trường",
    trainerId: null,
    rotateSeconds: 30,
    graceBeforeMin: 15,
    graceAfterMin: 30,
    lateAfterMin: 15,
  });
  if (!created.ok) throw new Error("session not created");
  return { courseId: course.id, sessionId: created.id, trainerId };
}

const present = (sessionId: number, userId: number) => db().attendance.create({ data: { sessionId, userId, status: "PRESENT", markedAt: hourAgo() } });
/** The learner passed MODULE's quiz in this class (attempts belong to the enrolment). */
const passed = async (courseId: number, userId: number) =>
  db().quizAttempt.create({
    data: {
      token: crypto.randomUUID(),
      enrolmentId: (await db().enrolment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } } })).id,
      module: MODULE,
      number: 1,
      layout: "{}",
      status: "SUBMITTED",
      passed: true,
      submittedAt: hourAgo(),
    },
  });
const certificateOf = (courseId: number, userId: number) => db().certificate.findUnique({ where: { courseId_userId: { courseId, userId } } });

function rightAnswers(quiz: Quiz): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of quiz.questions) {
    const key = `a.${q.id}`;
    if (q.type === "numeric") out[key] = String(q.answer);
    else if (q.type === "true-false") out[key] = String(q.correct);
    else out[key] = q.correct;
  }
  return out;
}

describe("certificates are issued by actions", () => {
  it("the learner's page reads only: meeting the rule without an action issues nothing on a visit", async () => {
    const userId = await userIdOf("0913000191");
    const { courseId, sessionId } = await classWithRule("ISSUE-GET", [userId]);
    await present(sessionId, userId);
    await passed(courseId, userId);
    const cookie = await cookieFor(userId);
    const page = await run(() => mine.loader({ request: getRequest("/chung-nhan-cua-toi", { cookie }), params: {}, context: testContext() }));
    expect(page.status).toBe(200);
    expect(await certificateOf(courseId, userId)).toBeNull();
    expect(page.data.items.find((i: { courseId: number }) => i.courseId === courseId).certificate).toBeNull();
  });

  it("passing the quiz that was the last requirement issues the certificate, which the learner then finds", async () => {
    const userId = await userIdOf("0913000192");
    const { courseId, sessionId } = await classWithRule("ISSUE-QUIZ", [userId]);
    await present(sessionId, userId);
    const cookie = await cookieFor(userId);
    const params = { courseId: String(courseId), moduleSlug: MODULE };
    const url = `/khoa-hoc/${courseId}/kiem-tra/${MODULE}`;
    expect((await run(() => quizRoute.action({ request: postRequest(url, { intent: "start" }, { cookie }), params, context: testContext() }))).status).toBe(
      302,
    );
    const token = (await run(() => quizRoute.loader({ request: getRequest(url, { cookie }), params, context: testContext() }))).data.open.token;
    const quiz = (await getContent()).modules.find((m) => m.slug === MODULE)!.quiz!;
    const submitted = await run(() =>
      quizRoute.action({ request: postRequest(url, { intent: "submit", token, ...rightAnswers(quiz) }, { cookie }), params, context: testContext() }),
    );
    expect(submitted.status).toBe(302);
    const cert = await certificateOf(courseId, userId);
    expect(cert).toMatchObject({ issuedById: null, revokedAt: null });
    const page = await run(() => mine.loader({ request: getRequest("/chung-nhan-cua-toi", { cookie }), params: {}, context: testContext() }));
    expect(page.data.items.find((i: { courseId: number }) => i.courseId === courseId).certificate).toEqual({ code: cert!.code, revoked: null });
  });

  it("the trainer's marking that completes a learner's attendance issues the certificate, and only theirs", async () => {
    const [done, short] = await Promise.all([userIdOf("0913000193"), userIdOf("0913000194")]);
    const { courseId, sessionId } = await classWithRule("ISSUE-MARK", [done, short]);
    await passed(courseId, done);
    const cookie = await cookieFor("trainer");
    const res = await run(() =>
      marking.action({
        request: postRequest(
          `/khoa-hoc/${courseId}/diem-danh/${sessionId}`,
          { intent: "save", ids: [String(done), String(short)], [`mark.${done}`]: "PRESENT", [`mark.${short}`]: "PRESENT" },
          { cookie },
        ),
        params: { courseId: String(courseId), sessionId: String(sessionId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    expect(await certificateOf(courseId, done)).toMatchObject({ issuedById: null });
    expect(await certificateOf(courseId, short)).toBeNull(); // present, but the quiz is not passed
  });

  it("a self check-in that completes attendance issues the certificate", async () => {
    const userId = await userIdOf("0913000195");
    const { courseId, sessionId } = await classWithRule("ISSUE-CHECKIN", [userId]);
    await passed(courseId, userId);
    const s = await db().classSession.findUniqueOrThrow({ where: { id: sessionId } });
    const cookie = await cookieFor(userId);
    const res = await run(() =>
      checkin.action({
        request: postRequest("/diem-danh", { code: currentCode(s.checkinSecret, new Date(), 30), buoi: String(sessionId) }, { cookie }),
        params: {},
        context: testContext("10.9.0.1"),
      }),
    );
    expect(res.status).toBe(200);
    expect(await certificateOf(courseId, userId)).toMatchObject({ issuedById: null });
  });

  it("the trainer's issue button issues to everyone due, names the trainer, and says how many", async () => {
    const [a, b, c] = await Promise.all([userIdOf("0913000196"), userIdOf("0913000197"), userIdOf("0913000198")]);
    const { courseId, sessionId, trainerId } = await classWithRule("ISSUE-ALL", [a, b, c]);
    for (const u of [a, b]) {
      await present(sessionId, u);
      await passed(courseId, u);
    }
    const cookie = await cookieFor("trainer");
    const res = await run(() =>
      manage.action({
        request: postRequest(`/khoa-hoc/${courseId}/chung-nhan`, { intent: "issue" }, { cookie }),
        params: { courseId: String(courseId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data.message).toBe("Đã cấp 2 giấy chứng nhận.");
    expect(await db().certificate.findMany({ where: { courseId }, select: { userId: true, issuedById: true }, orderBy: { userId: "asc" } })).toEqual(
      [a, b].sort((x, y) => x - y).map((userId) => ({ userId, issuedById: trainerId })),
    );
  });
});
