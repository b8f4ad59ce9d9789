import { type ReachedCourse, courseAllows } from "~/access/access.server";
import { notFound } from "~/auth/guard.server";
import { getContent } from "~/content/content.server";
import { formatDateTime, formatTime } from "~/i18n/format";
import { type Answer, GRACE_SECONDS, type Layout, answerText, correctText, publicQuestions, reviewVisible } from "./grading";
import { quizPermissions } from "./permissions";
import { type AttemptRow, attemptsOf, openAttempt, parseResults } from "./quiz.server";

/** The module of `slug` when it has a quiz, or 404. */
export async function quizModule(slug: string | undefined) {
  const module = (await getContent()).modules.find((m) => m.slug === slug);
  if (!module?.quiz) throw notFound();
  return { module, quiz: module.quiz };
}

type Ctx = Awaited<ReturnType<typeof quizModule>>;

function review(ctx: Ctx, attempt: AttemptRow, n: number) {
  const { quiz, module } = ctx;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const lessons = new Map(module.lessons.map((l) => [l.slug, l.title]));
  const layout = JSON.parse(attempt.layout) as Layout;
  const results = new Map(parseResults(attempt).map((r) => [r.id, r]));
  const mode = reviewVisible(quiz, attempt.passed === true);
  return {
    id: attempt.id,
    n,
    status: attempt.status,
    score: attempt.score,
    max: attempt.maxScore,
    percent: attempt.percent,
    passed: attempt.passed === true,
    mode,
    questions:
      mode === "full" && attempt.status === "SUBMITTED"
        ? layout.q.flatMap((item, i) => {
            const q = byId.get(item.id);
            const r = results.get(item.id);
            if (!q || !r) return [];
            return [
              {
                n: i + 1,
                id: q.id,
                prompt: q.prompt,
                credit: r.credit,
                yours: answerText(q, r.answer as Answer),
                correct: correctText(q),
                explanation: q.explanation,
                lesson: { slug: q.lesson, title: lessons.get(q.lesson) ?? q.lesson },
              },
            ];
          })
        : [],
  };
}

/**
 * The quiz page in a course the user reaches (the route's checked fetch), with their attempts in that class;
 * `wanted` is the attempt id of the `ket-qua` query (a 404 unless it is one of those, already submitted).
 */
export async function quizPage(course: ReachedCourse, ctx: Ctx, wanted: string | null, now = new Date()) {
  const { module, quiz } = ctx;
  const attempts = course.enrolmentId ? await attemptsOf(course.enrolmentId, module.slug) : [];
  const open = openAttempt(attempts, now);
  let result = null;
  if (wanted !== null) {
    const i = attempts.findIndex((a) => String(a.id) === wanted && a.status !== "OPEN");
    if (i < 0) throw notFound();
    result = review(ctx, attempts[i], i + 1);
  }
  return {
    course: { id: course.id, title: course.title },
    module: { slug: module.slug, order: module.order, title: module.title },
    quiz: {
      title: quiz.title,
      count: quiz.questions.length,
      passPercent: quiz.passPercent,
      attemptsAllowed: quiz.attemptsAllowed,
      timeLimitMinutes: quiz.timeLimitMinutes ?? null,
    },
    tracking: course.enrolled,
    canSeeClass: courseAllows(course, quizPermissions.viewClassResults),
    attemptsLeft: Math.max(0, quiz.attemptsAllowed - attempts.length),
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
