import { type ReachedCourse, courseAllows } from "~/access/access.server";
import { notFound } from "~/auth/guard.server";
import { getContent } from "~/content/content.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import { db } from "~/db/db.server";
import { allowance } from "./grants";
import { type Answer, GRACE_SECONDS, type Layout, answerText, correctText, publicQuestions } from "./grading";
import { quizPermissions } from "./permissions";
import { type AttemptRow, attemptsOf, grantsOf, openAttempt, parseResults } from "./quiz.server";
import { answersRevealed } from "./reveal";

/** The module of `slug` when it has a quiz, or 404. */
export async function quizModule(slug: string | undefined) {
  const module = (await getContent()).modules.find((m) => m.slug === slug);
  if (!module?.quiz) throw notFound();
  return { module, quiz: module.quiz };
}

type Ctx = Awaited<ReturnType<typeof quizModule>>;

/**
 * One submitted attempt as the learner may see it: always the score and which questions were not right, each with
 * its lesson; the learner's answer, the correct one and the explanation only when `revealed` (decision 0040).
 * The learner's own answer waits too: next to "wrong", a true/false or two-option answer would give the right one away.
 */
function review(ctx: Ctx, attempt: AttemptRow, n: number, revealed: boolean) {
  const { quiz, module } = ctx;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const lessons = new Map(module.lessons.map((l) => [l.slug, l.title]));
  const layout = JSON.parse(attempt.layout) as Layout;
  const results = new Map(parseResults(attempt).map((r) => [r.id, r]));
  const items =
    attempt.status === "SUBMITTED"
      ? layout.q.flatMap((item, i) => {
          const q = byId.get(item.id);
          const r = results.get(item.id);
          if (!q || !r) return [];
          const lesson = { slug: q.lesson, title: lessons.get(q.lesson) ?? q.lesson };
          const answers = revealed ? { yours: answerText(q, r.answer as Answer), correct: correctText(q), explanation: q.explanation } : null;
          return [{ n: i + 1, id: q.id, prompt: q.prompt, credit: r.credit, lesson, answers }];
        })
      : [];
  return {
    id: attempt.id,
    n,
    status: attempt.status,
    score: attempt.score,
    max: attempt.maxScore,
    percent: attempt.percent,
    passed: attempt.passed === true,
    revealed,
    // before the reveal only the questions to go back to
    questions: revealed ? items : items.filter((q) => q.credit < 1),
  };
}

/**
 * The quiz page in a course the user reaches (the route's checked fetch), with their attempts in that class;
 * `wanted` is the attempt id of the `ket-qua` query (a 404 unless it is one of those, already submitted).
 */
export async function quizPage(course: ReachedCourse, ctx: Ctx, wanted: string | null, now = new Date()) {
  const { module, quiz } = ctx;
  const [attempts, grants] = course.enrolmentId
    ? await Promise.all([attemptsOf(course.enrolmentId, module.slug), grantsOf(db(), course.enrolmentId, module.slug)])
    : [[], []];
  const allowed = allowance(quiz, grants);
  const open = openAttempt(attempts, now);
  const attemptsLeft = Math.max(0, allowed.attemptsAllowed - attempts.length);
  const revealed = answersRevealed(quiz.reveal, { passed: attempts.some((a) => a.passed === true), attemptsLeft, open: open !== null });
  let result = null;
  if (wanted !== null) {
    const i = attempts.findIndex((a) => String(a.id) === wanted && a.status !== "OPEN");
    if (i < 0) throw notFound();
    result = review(ctx, attempts[i], i + 1, revealed);
  }
  return {
    course: { id: course.id, title: course.title },
    module: { slug: module.slug, order: module.order, title: module.title },
    quiz: {
      title: quiz.title,
      count: quiz.questionsPerAttempt ?? quiz.questions.length,
      passPercent: quiz.passPercent,
      attemptsAllowed: allowed.attemptsAllowed,
      timeLimitMinutes: allowed.timeLimitMinutes,
      reveal: quiz.reveal,
    },
    tracking: course.enrolled,
    canSeeClass: courseAllows(course, quizPermissions.viewClassResults),
    attemptsLeft,
    history: attempts.map((a, i) => ({
      id: a.id,
      n: i + 1,
      status: a.status === "OPEN" && a !== open ? "EXPIRED" : a.status,
      percent: a.percent,
      passed: a.passed === true,
      submittedAt: a.submittedAt ? formatDateTime(a.submittedAt) : null,
    })),
    open: open
      ? {
          token: open.token,
          deadline: open.deadlineAt ? formatTime(open.deadlineAt) : null,
          deadlineIso: open.deadlineAt ? open.deadlineAt.toISOString() : null,
          grace: GRACE_SECONDS,
          questions: publicQuestions(quiz, JSON.parse(open.layout) as Layout),
        }
      : null,
    result,
  };
}
