import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getContent } from "~/content/content.server";
import { db } from "~/db/db.server";
import type { Quiz } from "~/quiz/schema";
import * as coursePage from "~/routes/khoa-hoc.$courseId._index";
import * as quizRoute from "~/routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug";
import * as results from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra";
import * as resultsExport from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra.xuat";
import * as grantPage from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra_.hoc-vien.$enrolmentId";
import { ORIGIN, cookieFor, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

const MODULE = "tieu-chi-danh-gia";
const courseId = async () => String((await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id);
const member = (n: number) => userIdOf(`0913${String(n).padStart(6, "0")}`);
const quizOf = async (): Promise<Quiz> => (await getContent()).modules.find((m) => m.slug === MODULE)!.quiz!;
const url = (c: string) => `/khoa-hoc/${c}/kiem-tra/${MODULE}`;

const load = (cookie: string, c: string, qs = "") =>
  run(() => quizRoute.loader({ request: getRequest(url(c) + qs, { cookie }), params: { courseId: c, moduleSlug: MODULE }, context: testContext() }));
const post = (cookie: string, c: string, fields: Record<string, string | string[]>) =>
  run(() => quizRoute.action({ request: postRequest(url(c), fields, { cookie }), params: { courseId: c, moduleSlug: MODULE }, context: testContext() }));

async function start(cookie: string, c: string): Promise<string> {
  const res = await post(cookie, c, { intent: "start" });
  expect(res.status).toBe(302);
  const page = await load(cookie, c);
  return page.data.open.token;
}

function answers(quiz: Quiz, right: boolean): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of quiz.questions) {
    const key = `a.${q.id}`;
    if (q.type === "numeric") out[key] = String(right ? q.answer : q.answer + q.tolerance + 1000);
    else if (q.type === "true-false") out[key] = String(right ? q.correct : !q.correct);
    else
      out[key] = right
        ? q.correct
        : q.options
            .map((o) => o.id)
            .filter((id) => !q.correct.includes(id))
            .slice(0, 1);
  }
  return out;
}

describe("quiz attempts", () => {
  it("never sends correct answers or explanations before the submit (HTML and data)", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(20));
    const token = await start(cookie, c);
    const firstDrawn = (JSON.parse((await db().quizAttempt.findFirstOrThrow({ where: { token } })).layout) as { q: { id: string }[] }).q[0].id;
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const handler = createRequestHandler(build, "production");
    const html = await (await handler(new Request(ORIGIN + url(c), { headers: { Cookie: cookie } }), testContext())).text();
    const dataRes = await (await handler(new Request(`${ORIGIN}${url(c)}.data`, { headers: { Cookie: cookie } }), testContext())).text();
    expect(html).toContain(
      quiz.questions
        .find((q) => q.id === firstDrawn)!
        .prompt.slice(0, 30)
        .replace(/"/g, "&quot;"),
    );
    for (const body of [html, dataRes]) {
      expect(body).not.toMatch(/"correct"|"explanation"|"tolerance"/);
      for (const q of quiz.questions) expect(body).not.toContain(q.explanation.slice(0, 40));
    }
  });

  it("a blank first attempt reveals no correct answer and no explanation (loader data and HTML)", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(27));
    const token = await start(cookie, c);
    const res = await post(cookie, c, { intent: "submit", token });
    expect(res.status).toBe(302);
    const qs = res.location!.slice(res.location!.indexOf("?"));
    const page = await load(cookie, c, qs);
    expect(page.data.result).toMatchObject({ passed: false, score: 0 });
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const handler = createRequestHandler(build, "production");
    const html = await (await handler(new Request(ORIGIN + url(c) + qs, { headers: { Cookie: cookie } }), testContext())).text();
    const dataRes = await (await handler(new Request(`${ORIGIN}${url(c)}.data${qs}`, { headers: { Cookie: cookie } }), testContext())).text();
    for (const body of [JSON.stringify(page.data), html, dataRes]) {
      expect(body).not.toMatch(/"correct"|"explanation"|Đáp án đúng|Giải thích/);
      for (const q of quiz.questions) expect(body).not.toContain(q.explanation.slice(0, 40));
    }
  });

  it("grades on the server, shows explanations after submit, and counts a pass for module completion", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(21));
    const token = await start(cookie, c);
    const res = await post(cookie, c, { intent: "submit", token, ...answers(quiz, true) });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/\?ket-qua=\d+$/);
    const page = await load(cookie, c, res.location!.slice(res.location!.indexOf("?")));
    expect(page.data.result).toMatchObject({ passed: true, percent: 100, revealed: true, max: quiz.questionsPerAttempt });
    expect(page.data.result.questions).toHaveLength(quiz.questionsPerAttempt!);
    expect(page.data.result.questions[0].answers.explanation.length).toBeGreaterThan(5);
    expect(page.data.result.questions[0].lesson.slug).toMatch(/^[a-z-]+$/);
    const course = await run(() => coursePage.loader({ request: getRequest(`/khoa-hoc/${c}`, { cookie }), params: { courseId: c }, context: testContext() }));
    const m = course.data.modules.find((x: { slug: string }) => x.slug === MODULE);
    expect(m.quizPassed).toBe(true);
    expect(m.progress.done).toBe(1);
  });

  it("after a failed attempt with attempts left: the score and the wrong questions with their lessons, no answers; after the last: everything", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(29));
    const right = answers(quiz, true);
    const wrong = answers(quiz, false);
    const mixed = (layout: { q: { id: string }[] }, wrongCount: number) =>
      Object.fromEntries(layout.q.map((item, i) => [`a.${item.id}`, (i < wrongCount ? wrong : right)[`a.${item.id}`]]));
    for (let i = 1; i <= quiz.attemptsAllowed; i++) {
      const token = await start(cookie, c);
      const layout = JSON.parse((await db().quizAttempt.findFirstOrThrow({ where: { token } })).layout) as { q: { id: string }[] };
      const res = await post(cookie, c, { intent: "submit", token, ...mixed(layout, 6) });
      const page = await load(cookie, c, res.location!.slice(res.location!.indexOf("?")));
      const result = page.data.result;
      expect(result).toMatchObject({ passed: false, score: quiz.questionsPerAttempt! - 6 });
      if (i < quiz.attemptsAllowed) {
        expect(result.revealed).toBe(false);
        expect(result.questions.map((q: { id: string }) => q.id)).toEqual(layout.q.slice(0, 6).map((q) => q.id));
        for (const q of result.questions) {
          expect(q.answers).toBeNull();
          expect(q.lesson.slug).toBe(quiz.questions.find((x) => x.id === q.id)!.lesson);
        }
        expect(JSON.stringify(page.data)).not.toMatch(/"correct"|"explanation"|"yours"/);
      } else {
        expect(result.revealed).toBe(true);
        expect(result.questions).toHaveLength(quiz.questionsPerAttempt!);
        expect(result.questions.filter((q: { credit: number }) => q.credit < 1)).toHaveLength(6);
        expect(result.questions[0].answers.correct.length).toBeGreaterThan(0);
      }
    }
  });

  it("submitting twice (or concurrently) records one graded attempt", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const userId = await member(22);
    const cookie = await cookieFor(userId);
    const token = await start(cookie, c);
    const outcomes = await Promise.all([1, 2, 3].map(() => post(cookie, c, { intent: "submit", token, ...answers(quiz, false) })));
    expect(outcomes.map((o) => o.status)).toEqual([302, 302, 302]);
    const again = await post(cookie, c, { intent: "submit", token, ...answers(quiz, true) });
    expect(again.status).toBe(302);
    const rows = await db().quizAttempt.findMany({ where: { enrolment: { userId }, module: MODULE } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUBMITTED", passed: false });
  });

  it("starting several times at once makes one attempt, numbered 1, that every start resumes", async () => {
    const c = await courseId();
    const userId = await member(35);
    const cookie = await cookieFor(userId);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => post(cookie, c, { intent: "start" })));
    expect(outcomes.map((o) => o.status)).toEqual([302, 302, 302, 302]);
    const rows = await db().quizAttempt.findMany({ where: { enrolment: { userId }, module: MODULE } });
    expect(rows.map((r) => [r.number, r.status])).toEqual([[1, "OPEN"]]);
    expect((await load(cookie, c)).data.open.token).toBe(rows[0].token);
  });

  it("starts at once after a submitted attempt make the second, not a third", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const userId = await member(36);
    const cookie = await cookieFor(userId);
    const token = await start(cookie, c);
    expect((await post(cookie, c, { intent: "submit", token, ...answers(quiz, false) })).status).toBe(302);
    await Promise.all([1, 2, 3].map(() => post(cookie, c, { intent: "start" })));
    const rows = await db().quizAttempt.findMany({ where: { enrolment: { userId }, module: MODULE }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.number, r.status])).toEqual([
      [1, "SUBMITTED"],
      [2, "OPEN"],
    ]);
  });

  it("stops at the attempts limit", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(23));
    for (let i = 0; i < quiz.attemptsAllowed; i++) {
      const token = await start(cookie, c);
      expect((await post(cookie, c, { intent: "submit", token, ...answers(quiz, false) })).status).toBe(302);
    }
    const before = await tableCounts();
    const refused = await post(cookie, c, { intent: "start" });
    expect(refused.status).toBe(409);
    expect(refused.data.errors._form).toBe(`Bạn đã dùng hết ${quiz.attemptsAllowed} lần làm bài của bài kiểm tra này.`);
    expect(await tableCounts()).toEqual(before);
    expect((await load(cookie, c)).data.attemptsLeft).toBe(0);
  });

  it("does not count an answer after the time limit and grace", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const userId = await member(24);
    const cookie = await cookieFor(userId);
    const token = await start(cookie, c);
    await db().quizAttempt.updateMany({ where: { token }, data: { deadlineAt: new Date(Date.now() - 31_000) } });
    const res = await post(cookie, c, { intent: "submit", token, ...answers(quiz, true) });
    expect(res.status).toBe(302);
    const page = await load(cookie, c, res.location!.slice(res.location!.indexOf("?")));
    expect(page.data.result).toMatchObject({ status: "LATE", passed: false, questions: [] });
    const row = await db().quizAttempt.findFirstOrThrow({ where: { token } });
    expect(row).toMatchObject({ status: "LATE", score: null, passed: false });
  });

  it("refuses tampered input with 4xx and a Vietnamese message, recording nothing", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const cookie = await cookieFor(await member(25));
    const token = await start(cookie, c);
    const single = quiz.questions.find((q) => q.type === "single")!;
    const other = quiz.questions.find((q) => q.type !== "numeric" && q.type !== "true-false" && q.id !== single.id)!;
    const numeric = quiz.questions.find((q) => q.type === "numeric")!;
    const before = await tableCounts();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ intent: "submit", token, "a.khong-co": "x" }, "_form"],
      [{ intent: "submit", token, [`a.${single.id}`]: "zzz" }, `a.${single.id}`],
      [{ intent: "submit", token, [`a.${single.id}`]: "options" in other ? other.options[0].id : "x" }, `a.${single.id}`],
      [{ intent: "submit", token, [`a.${numeric.id}`]: "ba mươi lăm" }, `a.${numeric.id}`],
      [{ intent: "submit", token, [`a.${numeric.id}`]: "9".repeat(100_000) }, `a.${numeric.id}`],
      [{ intent: "submit", token: "khong-hop-le" }, "token"],
      [{ intent: "submit" }, "token"],
      [{ intent: "submit", token: "0".repeat(32) }, "_form"],
      [{ intent: "nop-bai" }, "intent"],
      [{}, "intent"],
    ];
    for (const [fields, field] of cases) {
      const res = await post(cookie, c, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(res.data.errors[field], field).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    expect(await tableCounts()).toEqual(before);
    expect((await db().quizAttempt.findFirstOrThrow({ where: { token } })).status).toBe("OPEN");
    // another learner cannot submit (or read) this attempt
    const stranger = await cookieFor(await member(26));
    expect((await post(stranger, c, { intent: "submit", token, ...answers(quiz, true) })).status).toBe(400);
    const attemptId = (await db().quizAttempt.findFirstOrThrow({ where: { token } })).id;
    expect((await load(stranger, c, `?ket-qua=${attemptId}`)).status).toBe(404);
    expect((await db().quizAttempt.findFirstOrThrow({ where: { token } })).status).toBe("OPEN");
  });
});

describe("trainer: class results", () => {
  it("shows pass rate, best score and attempts per learner, share correct per question; exports CSV and XLSX", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const passer = await cookieFor(await member(30));
    await post(passer, c, { intent: "submit", token: await start(passer, c), ...answers(quiz, true) });
    const failer = await cookieFor(await member(31));
    await post(failer, c, { intent: "submit", token: await start(failer, c), ...answers(quiz, false) });
    // a third learner gets the bank's first half right: the first question separates the three
    const half = await cookieFor(await member(34));
    const right = answers(quiz, true);
    const wrong = answers(quiz, false);
    const halfAnswers = Object.fromEntries(quiz.questions.map((q, i) => [`a.${q.id}`, (i < quiz.questions.length / 2 ? right : wrong)[`a.${q.id}`]]));
    await post(half, c, { intent: "submit", token: await start(half, c), ...halfAnswers });
    const cookie = await cookieFor("trainer");
    const page = await run(() =>
      results.loader({
        request: getRequest(`/khoa-hoc/${c}/ket-qua-kiem-tra?chuyen-de=${MODULE}`, { cookie }),
        params: { courseId: c },
        context: testContext(),
      }),
    );
    expect(page.status).toBe(200);
    expect(page.data.total).toBeGreaterThanOrEqual(210);
    // earlier tests in this file also made attempts: check the two learners of this test and the totals' consistency
    const byId = new Map(page.data.rows.map((r: { id: number }) => [r.id, r]));
    expect(byId.get(await member(30))).toMatchObject({ attempts: 1, best: 100, passed: true });
    expect(byId.get(await member(31))).toMatchObject({ attempts: 1, passed: false });
    expect(byId.get(await member(33))).toMatchObject({ attempts: 0, best: null, passed: false });
    const attempted = page.data.rows.filter((r: { attempts: number }) => r.attempts > 0).length;
    const passed = page.data.rows.filter((r: { passed: boolean }) => r.passed).length;
    expect(page.data.attempted).toBe(attempted);
    expect(page.data.passRate).toBe(Math.round((passed / attempted) * 1000) / 10);
    // each graded attempt answered the questions of its draw: the answers per question add up to that
    const graded = await db().quizAttempt.count({ where: { module: MODULE, status: "SUBMITTED" } });
    type Item = { answers: number; share: number | null; discrimination: number | null; commonWrong: unknown; flagged: boolean };
    const stats = page.data.questions as Item[];
    expect(stats).toHaveLength(quiz.questions.length);
    expect(stats.reduce((s, q) => s + q.answers, 0)).toBe(graded * quiz.questionsPerAttempt!);
    // the all-right and the all-wrong learner drew some questions in common: their share lies between
    expect(stats.some((q) => q.share !== null && q.share > 0 && q.share < 100)).toBe(true);
    expect(stats.every((q) => q.discrimination === null || Math.abs(q.discrimination) <= 1)).toBe(true);
    // every question the all-wrong learner drew has a most chosen wrong answer
    expect(stats.filter((q) => q.commonWrong).length).toBeGreaterThanOrEqual(quiz.questionsPerAttempt!);
    const learner = await cookieFor(await member(32));
    expect(
      (
        await run(() =>
          results.loader({ request: getRequest(`/khoa-hoc/${c}/ket-qua-kiem-tra`, { cookie: learner }), params: { courseId: c }, context: testContext() }),
        )
      ).status,
    ).toBe(403);

    const csv = await resultsExport.loader({
      request: getRequest(`/khoa-hoc/${c}/ket-qua-kiem-tra/xuat?chuyen-de=${MODULE}&dinh-dang=csv`, { cookie }),
      params: { courseId: c },
      context: testContext(),
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"STT","Họ và tên","Điện thoại/Email","Đơn vị","Số lần làm","Điểm cao nhất (%)","Kết quả"');
    expect(text).toContain(',"Đạt",');
    const items = await resultsExport.loader({
      request: getRequest(`/khoa-hoc/${c}/ket-qua-kiem-tra/xuat?chuyen-de=${MODULE}&bang=cau-hoi&dinh-dang=csv`, { cookie }),
      params: { courseId: c },
      context: testContext(),
    });
    const itemText = new TextDecoder().decode(new Uint8Array(await items.arrayBuffer()));
    expect(itemText).toContain('"#","Câu hỏi","Bài học","Số lượt trả lời","Tỷ lệ đúng (%)","Độ phân biệt","Lựa chọn sai nhiều nhất","Cần xem lại"');
    expect(itemText.trim().split("\r\n")).toHaveLength(quiz.questions.length + 1);
    const xlsx = await resultsExport.loader({
      request: getRequest(`/khoa-hoc/${c}/ket-qua-kiem-tra/xuat?dinh-dang=xlsx`, { cookie }),
      params: { courseId: c },
      context: testContext(),
    });
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
  });
});

describe("trainer: extra attempts and time for one learner", () => {
  const grantUrl = (c: string, e: number) => `/khoa-hoc/${c}/ket-qua-kiem-tra/hoc-vien/${e}?chuyen-de=${MODULE}`;
  const grant = (cookie: string, c: string, e: number, fields: Record<string, string>) =>
    run(() =>
      grantPage.action({
        request: postRequest(grantUrl(c, e), { module: MODULE, ...fields }, { cookie }),
        params: { courseId: c, enrolmentId: String(e) },
        context: testContext(),
      }),
    );

  it("a trainer of the class grants an extra attempt with a reason: logged, and the learner can take it", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const learnerId = await member(40);
    const cookie = await cookieFor(learnerId);
    for (let i = 0; i < quiz.attemptsAllowed; i++) await post(cookie, c, { intent: "submit", token: await start(cookie, c), ...answers(quiz, false) });
    expect((await post(cookie, c, { intent: "start" })).status).toBe(409);
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { userId: learnerId, courseId: Number(c) } });
    const trainerId = await userIdOf("giangvien@ocop-demo.vn");
    const trainer = await cookieFor("trainer");
    const res = await grant(trainer, c, enrolment.id, { extraAttempts: "1", extraMinutes: "0", reason: "Mất điện giữa giờ làm bài" });
    expect(res.status).toBe(200);
    expect(res.data.message).toBe("Đã ghi nhận: học viên được thêm 1 lần làm và 0 phút.");
    const rows = await db().quizGrant.findMany({ where: { enrolmentId: enrolment.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ module: MODULE, extraAttempts: 1, extraMinutes: 0, reason: "Mất điện giữa giờ làm bài" });
    expect(rows[0].grantedById).toBe(trainerId);
    const page = await load(cookie, c);
    expect(page.data).toMatchObject({ attemptsLeft: 1, quiz: { attemptsAllowed: quiz.attemptsAllowed + 1 } });
    // the answers were revealed after the last attempt; with one more to take they are hidden again
    const token = await start(cookie, c);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const trainerView = await run(() =>
      grantPage.loader({
        request: getRequest(grantUrl(c, enrolment.id), { cookie: trainer }),
        params: { courseId: c, enrolmentId: String(enrolment.id) },
        context: testContext(),
      }),
    );
    expect(trainerView.data.grants).toMatchObject([{ extraAttempts: 1, reason: "Mất điện giữa giờ làm bài" }]);
    expect(trainerView.data.grants[0].by.length).toBeGreaterThan(0);
    expect(trainerView.data.attempts).toHaveLength(quiz.attemptsAllowed + 1);
  });

  it("extra minutes lengthen the next attempts and the one being answered", async () => {
    const c = await courseId();
    const quiz = await quizOf();
    const learnerId = await member(41);
    const cookie = await cookieFor(learnerId);
    const token = await start(cookie, c);
    const before = (await db().quizAttempt.findFirstOrThrow({ where: { token } })).deadlineAt!;
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { userId: learnerId, courseId: Number(c) } });
    const res = await grant(await cookieFor("trainer"), c, enrolment.id, { extraAttempts: "0", extraMinutes: "10", reason: "Học viên thị lực kém" });
    expect(res.status).toBe(200);
    const after = (await db().quizAttempt.findFirstOrThrow({ where: { token } })).deadlineAt!;
    expect(after.getTime() - before.getTime()).toBe(10 * 60_000);
    expect((await load(cookie, c)).data.quiz.timeLimitMinutes).toBe(quiz.timeLimitMinutes! + 10);
  });

  it("refuses a grant without a reason or without anything to grant, with Vietnamese messages, writing nothing", async () => {
    const c = await courseId();
    const learnerId = await member(42);
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { userId: learnerId, courseId: Number(c) } });
    const trainer = await cookieFor("trainer");
    const learner = await cookieFor(learnerId);
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ extraAttempts: "1", extraMinutes: "0", reason: "" }, "reason"],
      [{ extraAttempts: "1", extraMinutes: "0" }, "reason"],
      [{ extraAttempts: "0", extraMinutes: "0", reason: "Không có gì" }, "extraAttempts"],
      [{ extraAttempts: "9", extraMinutes: "0", reason: "Quá nhiều lần" }, "extraAttempts"],
      [{ extraAttempts: "1", extraMinutes: "-5", reason: "Số âm" }, "extraMinutes"],
      [{ extraAttempts: "một", extraMinutes: "0", reason: "Chữ thay số" }, "extraAttempts"],
    ];
    for (const [fields, field] of cases) {
      const res = await grant(trainer, c, enrolment.id, fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.data.errors[field], field).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    expect(await tableCounts()).toEqual(before);
    // a learner (even this one) cannot grant
    expect((await grant(learner, c, enrolment.id, { extraAttempts: "1", extraMinutes: "0", reason: "Tự cho mình" })).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
  });
});
