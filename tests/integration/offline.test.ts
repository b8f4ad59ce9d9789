import { describe, expect, it } from "vitest";
import { codeForStep, timeStep } from "~/attendance/checkin-code";
import { createClassSession } from "~/attendance/sessions.server";
import { getContent } from "~/content/content.server";
import { db } from "~/db/db.server";
import type { Quiz } from "~/quiz/schema";
import * as queuedCheckin from "~/routes/diem-danh_.gui";
import * as quizRoute from "~/routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/** Check-ins and quiz submissions that waited on the phone (docs/decisions/0046), through the routes' actions. */
const MIN = 60_000;
const member = (n: number) => userIdOf(`0913${String(n).padStart(6, "0")}`);
const courseId = async () => (await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id;

/** A session that started `startedMinAgo` minutes ago and lasts `lengthMin`; late after 15 minutes, no grace after. */
async function session(startedMinAgo: number, lengthMin: number) {
  const now = Date.now();
  const created = await createClassSession(await courseId(), {
    title: "Buổi ngoại tuyến",
    startsAt: new Date(now - startedMinAgo * MIN),
    endsAt: new Date(now - startedMinAgo * MIN + lengthMin * MIN),
    place: "Hội trường",
    trainerId: null,
    rotateSeconds: 30,
    graceBeforeMin: 15,
    graceAfterMin: 0,
    lateAfterMin: 15,
  });
  if (!created.ok) throw new Error("session not created");
  const s = await db().classSession.findUniqueOrThrow({ where: { id: created.id } });
  return { id: s.id, codeAt: (at: number) => codeForStep(s.checkinSecret, timeStep(new Date(at), 30)) };
}

/** A check-in typed `typedMinAgo` minutes ago and sent now; the phone's clock `skewMin` minutes off. */
function queued(s: { id: number; codeAt: (at: number) => string }, typedMinAgo: number, key: string, skewMin = 0) {
  const typedAt = Date.now() - typedMinAgo * MIN;
  return { code: s.codeAt(typedAt), buoi: String(s.id), key, typedAt: String(typedAt + skewMin * MIN), sentAt: String(Date.now() + skewMin * MIN) };
}

const send = (cookie: string, fields: Record<string, string>, ip = "10.9.0.1") =>
  run(() => queuedCheckin.action({ request: postRequest("/diem-danh/gui", fields, { cookie }), params: {}, context: testContext(ip) }));

describe("a check-in queued on the phone", () => {
  it("is recorded at the moment it was typed: present although it arrives after the late mark, with its key", async () => {
    const s = await session(40, 120);
    const userId = await member(31);
    const cookie = await cookieFor(userId);
    // typed 35 minutes ago (5 minutes after the start), on a phone whose clock is 9 minutes slow
    const res = await send(cookie, queued(s, 35, "key-present-0000000001", -9));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ok: true, status: "PRESENT" });
    expect(res.data.message).toMatch(/^Đã điểm danh buổi “Buổi ngoại tuyến”: Có mặt/);
    const row = await db().attendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: s.id, userId } } });
    expect(row).toMatchObject({ status: "PRESENT", source: "CHECKIN", clientKey: "key-present-0000000001" });
    expect(Math.abs(row.markedAt.getTime() - (Date.now() - 35 * MIN))).toBeLessThan(5_000);
  });

  it("is late when typed after the late mark, although the code is still valid at the arrival", async () => {
    const s = await session(40, 120);
    const res = await send(await cookieFor(await member(32)), queued(s, 20, "key-late-000000000001"));
    expect(res.data).toMatchObject({ ok: true, status: "LATE" });
  });

  it("replayed twice (and concurrently) counts once, and each replay is answered like the first send", async () => {
    const s = await session(10, 120);
    const userId = await member(33);
    const cookie = await cookieFor(userId);
    const fields = queued(s, 3, "key-replay-0000000001");
    const [a, b] = await Promise.all([send(cookie, fields), send(cookie, fields)]);
    const c = await send(cookie, { ...fields, sentAt: String(Date.now()) });
    for (const r of [a, b, c]) expect([r.status, r.data.ok, r.data.status]).toEqual([200, true, "PRESENT"]);
    expect(await db().attendance.count({ where: { sessionId: s.id, userId } })).toBe(1);
    // another check-in of the same learner (another key) is "already", as a second form post is
    const other = await send(cookie, queued(s, 1, "key-replay-0000000002"));
    expect(other.status).toBe(409);
  });

  it("typed after the session's window is refused with the time it was typed, and nothing is written", async () => {
    const s = await session(90, 60); // ended 30 minutes ago, no grace after the end
    const userId = await member(34);
    const res = await send(await cookieFor(userId), queued(s, 10, "key-afterwindow-00001"));
    expect(res.status).toBe(422);
    expect(res.data.message).toMatch(/^Mã nhập lúc \d{2}:\d{2} nằm ngoài giờ điểm danh của buổi học nên không được nhận\.$/);
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("is refused when it waited more than two hours, when its moment follows its sending, or when the code is not that moment's", async () => {
    const s = await session(150, 240);
    const cookie = await cookieFor(await member(35));
    const old = await send(cookie, queued(s, 121, "key-tooold-0000000001"));
    expect(old.status).toBe(422);
    expect(old.data.message).toMatch(/đã chờ trên điện thoại quá 2 giờ/);
    const future = queued(s, 0, "key-future-0000000001");
    const ahead = await send(cookie, { ...future, typedAt: String(Number(future.sentAt) + MIN) });
    expect(ahead.status).toBe(400);
    // the code shown now, claimed as typed 30 minutes ago: not that moment's code
    const claimed = { ...queued(s, 30, "key-wrongstep-000001"), code: s.codeAt(Date.now()) };
    const wrong = await send(cookie, claimed, "10.9.0.2");
    expect(wrong.status).toBe(422);
    expect(wrong.data.message).toMatch(/Mã không đúng/);
    const partial = await send(cookie, { code: s.codeAt(Date.now()), buoi: String(s.id), key: "key-partial-00000001" });
    expect(partial.status).toBe(400);
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("honours CHECKIN_MAX_DELAY_MIN", async () => {
    const s = await session(60, 120);
    process.env.CHECKIN_MAX_DELAY_MIN = "30";
    try {
      const res = await send(await cookieFor(await member(36)), queued(s, 40, "key-setting-00000001"));
      expect(res.status).toBe(422);
      expect(res.data.message).toMatch(/quá 0,5 giờ/);
    } finally {
      delete process.env.CHECKIN_MAX_DELAY_MIN;
    }
  });
});

const MODULE = "tieu-chi-danh-gia";
const quizUrl = (c: string) => `/khoa-hoc/${c}/kiem-tra/${MODULE}`;
const quizOf = async (): Promise<Quiz> => (await getContent()).modules.find((m) => m.slug === MODULE)!.quiz!;

function rightAnswers(quiz: Quiz): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of quiz.questions) out[`a.${q.id}`] = q.type === "numeric" ? String(q.answer) : q.type === "true-false" ? String(q.correct) : q.correct;
  return out;
}

async function startedAttempt(n: number) {
  const c = String(await courseId());
  const cookie = await cookieFor(await member(n));
  const params = { courseId: c, moduleSlug: MODULE };
  const post = (fields: Record<string, string | string[]>) =>
    run(() => quizRoute.action({ request: postRequest(quizUrl(c), fields, { cookie }), params, context: testContext() }));
  expect((await post({ intent: "start" })).status).toBe(302);
  const page = await run(() => quizRoute.loader({ request: getRequest(quizUrl(c), { cookie }), params, context: testContext() }));
  const token: string = page.data.open.token;
  return { post, token };
}

describe("a quiz answered on the phone without network", () => {
  it("answered before the time limit and sent within the allowance after it is graded; sent again, counted once", async () => {
    const quiz = await quizOf();
    const { post, token } = await startedAttempt(41);
    // the limit ran out 10 minutes ago; the learner pressed "Nộp bài" 12 minutes ago, offline
    await db().quizAttempt.updateMany({ where: { token }, data: { startedAt: new Date(Date.now() - 40 * MIN), deadlineAt: new Date(Date.now() - 10 * MIN) } });
    const now = Date.now();
    const fields = { intent: "submit", token, ...rightAnswers(quiz), answeredAt: String(now - 12 * MIN), sentAt: String(now) };
    const first = await post(fields);
    expect(first.status).toBe(302);
    const again = await post({ ...fields, sentAt: String(Date.now()) });
    expect(again.location).toBe(first.location);
    const rows = await db().quizAttempt.findMany({ where: { token } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUBMITTED", passed: true });
  });

  it("answered after the time limit, or claimed from further back than the allowance, is late", async () => {
    const quiz = await quizOf();
    for (const [n, answeredMinAgo, deadlineMinAgo] of [
      [42, 5, 10], // answered 5 minutes after the deadline
      [43, 50, 40], // answered before a deadline 40 minutes ago: more than the 30 minutes allowed
    ] as const) {
      const { post, token } = await startedAttempt(n);
      await db().quizAttempt.updateMany({
        where: { token },
        data: { startedAt: new Date(Date.now() - 90 * MIN), deadlineAt: new Date(Date.now() - deadlineMinAgo * MIN) },
      });
      const now = Date.now();
      await post({ intent: "submit", token, ...rightAnswers(quiz), answeredAt: String(now - answeredMinAgo * MIN), sentAt: String(now) });
      expect(await db().quizAttempt.findFirstOrThrow({ where: { token } })).toMatchObject({ status: "LATE", passed: false, score: null });
    }
  });
});
