import { beforeEach, describe, expect, it } from "vitest";
import { getContent } from "~/content/content.server";
import { db } from "~/db/db.server";
import type { Quiz } from "~/quiz/schema";
import * as catalogue from "~/routes/khoa-hoc._index";
import * as certificates from "~/routes/khoa-hoc.$courseId.chung-nhan";
import * as coursePage from "~/routes/khoa-hoc.$courseId._index";
import * as lessonPage from "~/routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug";
import * as results from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra";
import * as resultsExport from "~/routes/khoa-hoc.$courseId.ket-qua-kiem-tra.xuat";
import * as quizRoute from "~/routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug";
import * as progressPage from "~/routes/khoa-hoc.$courseId.tien-do";
import * as progressExport from "~/routes/khoa-hoc.$courseId.tien-do.xuat";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/**
 * Issue 17: progress belongs to the class. One learner is in the demo class A and in a second class B
 * (joined B before doing anything in A, so no "since they joined" filter can hide A's work); what they do
 * in A shows nowhere in B — not to them, not to B's trainer, not in B's certificate rule.
 */
const MODULE = "tieu-chi-danh-gia";
const LESSON = "cham-diem-va-xep-hang-sao";
const hourAgo = () => new Date(Date.now() - 60 * 60_000);

let A: string;
let B: string;
let learnerId: number;
let learner: string;
let trainerA: string;
let trainerB: string;

beforeEach(async () => {
  const demo = await db().course.findUniqueOrThrow({ where: { code: COURSE.code } });
  const province = await db().unit.findUniqueOrThrow({ where: { code: "HT" } });
  learnerId = await userIdOf("0913000040");
  const trainer = await db().user.create({
    data: {
      fullName: "Giảng viên lớp B",
      phone: "0918200001",
      unitId: province.id,
      searchName: "giang vien lop b",
      roles: { create: { role: "trainer", unitId: province.id } },
    },
  });
  const b = await db().course.create({
    data: {
      code: "HT-OCOP-2027",
      title: "Lớp tập huấn OCOP 2027",
      unitId: demo.unitId,
      enrolmentCode: "OCOP2027",
      startsOn: new Date(Date.now() - 86_400_000),
      endsOn: new Date(Date.now() + 30 * 86_400_000),
      trainers: { create: { userId: trainer.id } },
      enrolments: { create: { userId: learnerId, createdAt: new Date(Date.now() - 2 * 86_400_000) } },
      completionRule: { create: { minAttendancePercent: 50, requiredModules: MODULE } },
    },
  });
  // B held one session, which the learner attended: only B's quiz is missing for B's certificate
  await db().classSession.create({
    data: {
      courseId: b.id,
      startsAt: new Date(hourAgo().getTime() - 60 * 60_000),
      endsAt: hourAgo(),
      checkinSecret: "secret-of-b",
      attendances: { create: { userId: learnerId, status: "PRESENT" } },
    },
  });
  A = String(demo.id);
  B = String(b.id);
  learner = await cookieFor(learnerId);
  trainerA = await cookieFor("trainer");
  trainerB = await cookieFor(trainer.id);
});

const get = (route: { loader: (args: any) => unknown }, path: string, cookie: string, params: Record<string, string>) =>
  run(() => route.loader({ request: getRequest(path, { cookie }), params, context: testContext() }));
const post = (
  route: { action: (args: any) => unknown },
  path: string,
  cookie: string,
  params: Record<string, string>,
  fields: Record<string, string | string[]>,
) => run(() => route.action({ request: postRequest(path, fields, { cookie }), params, context: testContext() }));

const lessonOf = (c: string) => ({ path: `/khoa-hoc/${c}/hoc/${MODULE}/${LESSON}`, params: { courseId: c, moduleSlug: MODULE, lessonSlug: LESSON } });
const quizOf = (c: string) => ({ path: `/khoa-hoc/${c}/kiem-tra/${MODULE}`, params: { courseId: c, moduleSlug: MODULE } });

async function rightAnswers(): Promise<Record<string, string | string[]>> {
  const quiz: Quiz = (await getContent()).modules.find((m) => m.slug === MODULE)!.quiz!;
  const out: Record<string, string | string[]> = {};
  for (const q of quiz.questions) {
    const key = `a.${q.id}`;
    if (q.type === "numeric") out[key] = String(q.answer);
    else if (q.type === "true-false") out[key] = String(q.correct);
    else out[key] = q.correct;
  }
  return out;
}

/** The learner passes MODULE's quiz in class `c` through the quiz page (start, then submit right answers). */
async function passQuizIn(c: string) {
  const { path, params } = quizOf(c);
  expect((await post(quizRoute, path, learner, params, { intent: "start" })).status).toBe(302);
  const token = (await get(quizRoute, path, learner, params)).data.open.token;
  const submitted = await post(quizRoute, path, learner, params, { intent: "submit", token, ...(await rightAnswers()) });
  expect(submitted.location).toMatch(/\?ket-qua=\d+$/);
  return submitted.location!.slice(submitted.location!.indexOf("=") + 1);
}

describe("progress belongs to the class (issue 17)", () => {
  it("a lesson completed in class A is done in A and not in B, for the learner and for each class's trainer", async () => {
    const lesson = lessonOf(A);
    expect((await post(lessonPage, lesson.path, learner, lesson.params, { intent: "complete" })).status).toBe(200);

    expect((await get(lessonPage, lessonOf(A).path, learner, lessonOf(A).params)).data.completed).toBe(true);
    expect((await get(lessonPage, lessonOf(B).path, learner, lessonOf(B).params)).data).toMatchObject({ completed: false, moduleProgress: { done: 0 } });
    expect((await get(coursePage, `/khoa-hoc/${A}`, learner, { courseId: A })).data.progress.done).toBe(1);
    expect((await get(coursePage, `/khoa-hoc/${B}`, learner, { courseId: B })).data.progress.done).toBe(0);

    const rowIn = async (c: string, cookie: string) =>
      (await get(progressPage, `/khoa-hoc/${c}/tien-do`, cookie, { courseId: c })).data.rows.find((r: { id: number }) => r.id === learnerId);
    expect((await rowIn(A, trainerA)).done).toBe(1);
    expect(await rowIn(B, trainerB)).toMatchObject({ done: 0, last: "" });
    const csv = await get(progressExport, `/khoa-hoc/${B}/tien-do/xuat?dinh-dang=csv`, trainerB, { courseId: B });
    expect(csv.status).toBe(200);
    const line = String(csv.data)
      .split("\n")
      .find((l) => l.includes("0913000040"))!;
    expect(line).toMatch(/"0 trên \d+",0,""/); // the course total, 0 %, no last activity
  });

  it("the learner's catalogue shows each class's own progress", async () => {
    const lesson = lessonOf(A);
    await post(lessonPage, lesson.path, learner, lesson.params, { intent: "complete" });
    const list = (await get(catalogue, "/khoa-hoc", learner, {})).data.learning as { id: number; progress: { done: number } }[];
    expect(list.find((c) => String(c.id) === A)!.progress.done).toBe(1);
    expect(list.find((c) => String(c.id) === B)!.progress.done).toBe(0);
  });

  it("a quiz passed in A leaves B's quiz untouched: B's attempts, results and export do not show it, and its result page is not B's", async () => {
    const attemptId = await passQuizIn(A);
    const quizB = quizOf(B);
    const pageB = (await get(quizRoute, quizB.path, learner, quizB.params)).data;
    expect(pageB.history).toEqual([]);
    expect(pageB.attemptsLeft).toBe(pageB.quiz.attemptsAllowed);
    expect((await get(quizRoute, `${quizB.path}?ket-qua=${attemptId}`, learner, quizB.params)).status).toBe(404);
    expect((await get(coursePage, `/khoa-hoc/${B}`, learner, { courseId: B })).data.modules.find((m: { slug: string }) => m.slug === MODULE).quizPassed).toBe(
      false,
    );

    const resultsIn = async (c: string, cookie: string) =>
      (await get(results, `/khoa-hoc/${c}/ket-qua-kiem-tra?chuyen-de=${MODULE}`, cookie, { courseId: c })).data.rows.find(
        (r: { id: number }) => r.id === learnerId,
      );
    expect(await resultsIn(A, trainerA)).toMatchObject({ attempts: 1, passed: true });
    expect(await resultsIn(B, trainerB)).toMatchObject({ attempts: 0, passed: false, best: null });
    const csv = await get(resultsExport, `/khoa-hoc/${B}/ket-qua-kiem-tra/xuat?chuyen-de=${MODULE}&dinh-dang=csv`, trainerB, { courseId: B });
    const line = String(csv.data)
      .split("\n")
      .find((l) => l.includes("0913000040"))!;
    expect(line).toContain(",0,");

    // B's quiz is still fully open to the learner: passing it there is B's own result
    await passQuizIn(B);
    expect(await resultsIn(B, trainerB)).toMatchObject({ attempts: 1, passed: true });
    expect(await resultsIn(A, trainerA)).toMatchObject({ attempts: 1 });
  });

  it("an attempt started in A cannot be submitted through B's quiz page", async () => {
    const quizA = quizOf(A);
    await post(quizRoute, quizA.path, learner, quizA.params, { intent: "start" });
    const token = (await get(quizRoute, quizA.path, learner, quizA.params)).data.open.token;
    const quizB = quizOf(B);
    const refused = await post(quizRoute, quizB.path, learner, quizB.params, { intent: "submit", token, ...(await rightAnswers()) });
    expect(refused.status).toBe(400);
    expect(await db().quizAttempt.findUniqueOrThrow({ where: { token } })).toMatchObject({ status: "OPEN", passed: null });
  });

  it("B's certificate rule ignores the quiz passed in A; passing it in B issues B's certificate", async () => {
    await passQuizIn(A);
    expect(await db().certificate.count({ where: { courseId: Number(B), userId: learnerId } })).toBe(0);
    const rowOf = async () =>
      (await get(certificates, `/khoa-hoc/${B}/chung-nhan`, trainerB, { courseId: B })).data.rows.find((r: { userId: number }) => r.userId === learnerId);
    expect((await rowOf()).complete).toBe(false);

    await passQuizIn(B);
    expect(await db().certificate.count({ where: { courseId: Number(B), userId: learnerId } })).toBe(1);
  });
});
