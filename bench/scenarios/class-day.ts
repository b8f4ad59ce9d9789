import fs from "node:fs";
import { currentCode } from "../../app/attendance/checkin-code";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { BOTH, type Measure, type Scenario, type Server, loginCookie, percentile } from "../harness";
import { rightAnswersOf, openSession } from "./learner-forms";

/**
 * A class day: 210 learners arrive over 60 s; each logs in, opens a lesson, takes the module-1
 * quiz (start, open, submit) and checks in with the projected code, while the trainer keeps
 * the marking page open and saves exceptions every 5 s. Every request must succeed; the result
 * gives p50/p99 per step. Open-loop load, so `ratio` (achieved rps / the bare route's capacity)
 * says how much of the server the class day uses; latency is the figure that matters.
 */
const FULL = { learners: 210, spreadMs: 60_000 };
let { learners: LEARNERS, spreadMs: SPREAD_MS } = FULL;
const MODULE = "kien-thuc-chung";
const answers = rightAnswersOf(`01-${MODULE}`);
const firstLesson = fs.readdirSync(`content/modules/01-${MODULE}`).find((f) => f.endsWith(".mdx"))!;
const lessonSlug = /slug:\s*"?([a-z0-9-]+)"?/.exec(fs.readFileSync(`content/modules/01-${MODULE}/${firstLesson}`, "utf8"))![1];

const STEPS = ["login", "lesson", "quiz-start", "quiz-open", "quiz-submit", "checkin", "trainer-mark"] as const;
type Step = (typeof STEPS)[number];

export const classDay: Scenario = {
  name: "class-day",
  description: `${FULL.learners} learners over ${FULL.spreadMs / 1000} s: login, lesson, quiz, check-in; a trainer marks attendance meanwhile`,
  baseline: "hello",
  setups: BOTH,
  prepare: async () => ({}),
  async run(server: Server, mode) {
    ({ learners: LEARNERS, spreadMs: SPREAD_MS } = mode.smoke ? { learners: 20, spreadMs: 5_000 } : FULL);
    const timings: Record<Step, number[]> = Object.fromEntries(STEPS.map((s) => [s, []])) as unknown as Record<Step, number[]>;
    const failures: string[] = [];
    const timed = async (step: Step, ok: (status: number) => boolean, call: () => Promise<Response>) => {
      const started = performance.now();
      const res = await call();
      timings[step].push(performance.now() - started);
      if (!ok(res.status)) failures.push(`${step}: ${res.status}`);
      return res;
    };
    const form = (cookie: string, body: URLSearchParams) => ({
      method: "POST",
      redirect: "manual" as const,
      headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body,
    });

    // the trainer opens today's session; learners type the code the projector shows at that moment
    const trainer = await loginCookie(server, "giangvien@ocop-demo.vn", DEMO_PASSWORD);
    const session = await openSession(server, trainer, { title: "Ngày tập huấn", rotateSeconds: 300, lateAfterMin: 60 });
    const sessionId = session.id;
    const checkinSecret = session.secret;
    const learnerIds = (await server.db.all<{ id: number }>(`SELECT id FROM "User" WHERE phone LIKE '0913%' ORDER BY phone`)).map((r) => r.id);

    const started = performance.now();
    let running = true;
    const checkedInIds: number[] = [];
    const trainerLoop = (async () => {
      for (let round = 0; running; round++) {
        // exceptions among those already checked in (a check-in after a trainer's mark is refused by design)
        const ids = checkedInIds.slice(-3);
        const body = new URLSearchParams({ intent: "save", loadedAt: String(Date.now()) });
        for (const id of ids) {
          body.append("ids", String(id));
          body.append(`mark.${id}`, "LATE");
        }
        await timed(
          "trainer-mark",
          (s) => s === 200,
          () => fetch(`${server.url}/khoa-hoc/1/diem-danh/${sessionId}?index`, form(trainer, body)),
        );
        await new Promise((r) => setTimeout(r, 5000));
      }
    })();

    const learner = async (i: number) => {
      await new Promise((r) => setTimeout(r, (i * SPREAD_MS) / LEARNERS));
      const phone = `0913${String(i + 1).padStart(6, "0")}`;
      const login = await timed(
        "login",
        (s) => s === 302,
        () => fetch(`${server.url}/dang-nhap`, form("", new URLSearchParams({ identifier: phone, password: DEMO_PASSWORD }))),
      );
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
      await timed(
        "lesson",
        (s) => s === 200,
        () => fetch(`${server.url}/khoa-hoc/1/hoc/${MODULE}/${lessonSlug}`, { headers: { cookie } }),
      );
      const quizPath = `${server.url}/khoa-hoc/1/kiem-tra/${MODULE}`;
      await timed(
        "quiz-start",
        (s) => s === 302,
        () => fetch(quizPath, form(cookie, new URLSearchParams({ intent: "start" }))),
      );
      const page = await timed(
        "quiz-open",
        (s) => s === 200,
        () => fetch(quizPath, { headers: { cookie } }),
      );
      const token = /name="token" value="([0-9a-f]{32})"/.exec(await page.text())?.[1] ?? "";
      await timed(
        "quiz-submit",
        (s) => s < 400,
        () => fetch(quizPath, form(cookie, answers(token))),
      );
      await timed(
        "checkin",
        (s) => s < 400,
        () =>
          fetch(`${server.url}/diem-danh`, form(cookie, new URLSearchParams({ code: currentCode(checkinSecret, new Date(), 300), buoi: String(sessionId) }))),
      );
      checkedInIds.push(learnerIds[i]);
    };
    await Promise.all(Array.from({ length: LEARNERS }, (_, i) => learner(i)));
    running = false;
    await trainerLoop;
    const elapsed = (performance.now() - started) / 1000;

    const all = STEPS.flatMap((s) => timings[s]);
    const steps = Object.fromEntries(
      STEPS.map((s) => [s, { count: timings[s].length, p50_ms: percentile(timings[s], 50), p99_ms: percentile(timings[s], 99) }]),
    );
    const [{ n: checkedIn }] = await server.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM "Attendance" WHERE "sessionId" = ?', [sessionId]);
    const [{ n: graded }] = await server.db.all<{ n: number }>(
      `SELECT COUNT(DISTINCT "enrolmentId") AS n FROM "QuizAttempt" WHERE module = ? AND status = 'SUBMITTED'`,
      [MODULE],
    );
    const result: Measure & { extra: Record<string, unknown> } = {
      rps: Math.round((all.length / elapsed) * 10) / 10,
      p50_ms: percentile(all, 50),
      p99_ms: percentile(all, 99),
      requests: all.length,
      errors: failures.length,
      extra: { seconds: Math.round(elapsed), steps, checkedIn, quizGraded: graded, failures: failures.slice(0, 10) },
    };
    return result;
  },
  verify: async (_server, measured) => {
    if (measured.errors > 0) throw new Error(`${measured.errors} steps of the class day failed`);
    const r = measured as Measure & { extra?: { checkedIn?: number; quizGraded?: number } };
    if (r.extra?.checkedIn !== LEARNERS || r.extra?.quizGraded !== LEARNERS)
      throw new Error(`expected ${LEARNERS} check-ins and graded quizzes, got ${r.extra?.checkedIn} and ${r.extra?.quizGraded}`);
  },
};
