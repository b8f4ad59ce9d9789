import fs from "node:fs";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { type Scenario, type Server, loginCookie } from "../harness";

/**
 * 210 different learners (the seeded class) submit the same quiz at once: each has started an
 * attempt (token) beforehand; the submit is the POST a browser with JavaScript sends (single
 * fetch `.data`, answered 2xx). The measured requests must be what graded them: none graded
 * before, every learner exactly one graded attempt after (no warm-up replays the submits).
 * Each attempt draws its own questions (decision 0040); the body answers every question of the
 * bank and the server grades the drawn ones, ignoring the rest — so grading is measured in full.
 */
const MODULE = "tieu-chi-danh-gia";
const FULL = 210;
let LEARNERS = FULL;
type Q = { id: string; type: string; correct?: string[] | boolean; answer?: number };
const quiz = JSON.parse(fs.readFileSync(`content/modules/02-${MODULE}/quiz.json`, "utf8")) as { questions: Q[] };

function body(token: string): string {
  const p = new URLSearchParams({ intent: "submit", token });
  for (const q of quiz.questions) {
    if (q.type === "numeric") p.append(`a.${q.id}`, String(q.answer));
    else if (q.type === "true-false") p.append(`a.${q.id}`, String(q.correct));
    else for (const id of q.correct as string[]) p.append(`a.${q.id}`, id);
  }
  return p.toString();
}

export const quizSubmit: Scenario = {
  name: "quiz-submit",
  description: `${FULL} different learners submit the module-2 quiz concurrently (one request each, server grading + conditional update)`,
  baseline: "insert",
  prepare: async (server, mode) => {
    LEARNERS = mode.smoke ? 20 : FULL;
    const path = `/khoa-hoc/1/kiem-tra/${MODULE}`;
    const learners: { cookie: string; body: string }[] = [];
    for (let i = 1; i <= LEARNERS; i++) {
      const cookie = await loginCookie(server, `0913${String(i).padStart(6, "0")}`, DEMO_PASSWORD);
      const start = await fetch(server.url + path, {
        method: "POST",
        redirect: "manual",
        headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
        body: "intent=start",
      });
      if (start.status !== 302) throw new Error(`start failed: ${start.status}`);
      const html = await (await fetch(server.url + path, { headers: { cookie } })).text();
      const token = /name="token" value="([0-9a-f]{32})"/.exec(html)?.[1];
      if (!token) throw new Error(`no attempt token for learner ${i}`);
      learners.push({ cookie, body: body(token) });
    }
    let next = 0;
    return {
      url: `${server.url}${path}.data`,
      connections: LEARNERS,
      amount: LEARNERS,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const l = learners[next++ % LEARNERS];
            return {
              ...req,
              headers: { ...req.headers, cookie: l.cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
              body: l.body,
            };
          },
        },
      ],
    };
  },
  before: async (server) => gradedCount(server),
  verify: async (server, measured, before) => {
    if (before !== 0) throw new Error(`${before} attempts were graded before the measured run`);
    if (measured.requests !== LEARNERS || measured.errors !== 0) throw new Error(`${measured.errors} of ${measured.requests} submits failed`);
    const rows = await server.db.all<{ enrolmentId: number; n: number; graded: number }>(
      `SELECT "enrolmentId", COUNT(*) AS n, SUM(CASE WHEN "status" = 'SUBMITTED' THEN 1 ELSE 0 END) AS graded FROM "QuizAttempt" WHERE "module" = ? GROUP BY "enrolmentId"`,
      [MODULE],
    );
    const graded = rows.filter((r) => r.n === 1 && r.graded === 1).length;
    if (rows.length !== LEARNERS || graded !== LEARNERS) throw new Error(`expected ${LEARNERS} learners with one graded attempt, got ${graded}/${rows.length}`);
    return { learners: rows.length, gradedOnceByMeasuredRun: graded };
  },
};

async function gradedCount(server: Server): Promise<number> {
  const [{ n }] = await server.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "QuizAttempt" WHERE "module" = ? AND "status" = 'SUBMITTED'`, [MODULE]);
  return n;
}
