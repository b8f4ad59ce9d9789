import { z } from "zod";
import { getContent } from "~/content/content.server";
import { db } from "~/db/db.server";
import { intInRange } from "~/forms/fields.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/quiz-trainer";
import { allowance } from "./grants";
import { GRACE_SECONDS } from "./grading";
import { attemptsOf } from "./quiz.server";
import type { Quiz } from "./schema";

/**
 * A trainer's grants to one learner (decision 0040): extra attempts and extra minutes, with a reason. Each grant is
 * an append-only QuizGrant row — who, when, why — and the quiz page adds them to the quiz file's limits.
 */
export const MAX_EXTRA_ATTEMPTS = 5;
export const MAX_EXTRA_MINUTES = 120;

export const grantSchema = z
  .object({
    module: z.string({ error: t("form.invalid") }).regex(/^[a-z0-9-]{1,80}$/, t("form.invalid")),
    extraAttempts: intInRange(0, MAX_EXTRA_ATTEMPTS, t("quiz.grant.badNumber", { max: MAX_EXTRA_ATTEMPTS })),
    extraMinutes: intInRange(0, MAX_EXTRA_MINUTES, t("quiz.grant.badNumber", { max: MAX_EXTRA_MINUTES })),
    reason: z
      .string({ error: t("quiz.grant.reasonRequired") })
      .trim()
      .min(5, t("quiz.grant.reasonRequired"))
      .max(500, t("form.tooLong", { max: 500 })),
  })
  .refine((g) => g.extraAttempts + g.extraMinutes > 0, { path: ["extraAttempts"], message: t("quiz.grant.nothing") });
export type GrantInput = z.output<typeof grantSchema>;

export type GrantOutcome = { ok: true } | { ok: false; field: "extraMinutes"; message: string };

/**
 * Records the grant; extra minutes also lengthen an attempt the learner is answering right now (the reason a
 * trainer gives time is usually that the learner is short of it).
 */
export async function grantExtra(enrolmentId: number, quiz: Quiz, input: GrantInput, grantedById: number, now = new Date()): Promise<GrantOutcome> {
  if (input.extraMinutes > 0 && !quiz.timeLimitMinutes) return { ok: false, field: "extraMinutes", message: t("quiz.grant.noTimeLimit") };
  await db().$transaction(async (tx) => {
    await tx.quizGrant.create({
      data: { enrolmentId, module: input.module, extraAttempts: input.extraAttempts, extraMinutes: input.extraMinutes, reason: input.reason, grantedById },
    });
    if (input.extraMinutes === 0) return;
    const open = await tx.quizAttempt.findMany({
      where: { enrolmentId, module: input.module, status: "OPEN", deadlineAt: { gte: new Date(now.getTime() - GRACE_SECONDS * 1000) } },
      select: { id: true, deadlineAt: true },
    });
    for (const a of open)
      await tx.quizAttempt.update({ where: { id: a.id }, data: { deadlineAt: new Date(a.deadlineAt!.getTime() + input.extraMinutes * 60_000) } });
  });
  return { ok: true };
}

/** One learner's attempts and grants at one quiz of the class (`wanted` module, else the first with a quiz), for their trainer. */
export async function learnerQuizPage(course: { id: number; title: string }, enrolment: { id: number; user: { fullName: string } }, wanted: string | null) {
  const withQuiz = (await getContent()).modules.filter((m) => m.quiz);
  const module = withQuiz.find((m) => m.slug === wanted) ?? withQuiz[0];
  const quiz = module.quiz!;
  const [attempts, grants] = await Promise.all([
    attemptsOf(enrolment.id, module.slug),
    db().quizGrant.findMany({
      where: { enrolmentId: enrolment.id, module: module.slug },
      orderBy: { id: "asc" },
      select: { id: true, extraAttempts: true, extraMinutes: true, reason: true, createdAt: true, grantedBy: { select: { fullName: true } } },
    }),
  ]);
  const allowed = allowance(quiz, grants);
  return {
    course,
    learner: { enrolmentId: enrolment.id, fullName: enrolment.user.fullName },
    module: { slug: module.slug, title: quiz.title },
    allowed,
    hasTimeLimit: !!quiz.timeLimitMinutes,
    limits: { attempts: MAX_EXTRA_ATTEMPTS, minutes: MAX_EXTRA_MINUTES },
    attempts: attempts.map((a, i) => ({
      id: a.id,
      n: i + 1,
      status: a.status,
      percent: a.percent,
      passed: a.passed === true,
      submittedAt: a.submittedAt ? formatDateTime(a.submittedAt) : null,
    })),
    grants: grants.map((g) => ({ ...g, createdAt: formatDateTime(g.createdAt), by: g.grantedBy?.fullName ?? "" })),
  };
}
