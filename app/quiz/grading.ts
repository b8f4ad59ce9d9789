import { t } from "~/i18n/messages";
import "~/i18n/quiz";
import { formatVnNumber, parseVnNumber } from "~/i18n/number";
import { drawQuestions, shuffle } from "./draw";
import type { Question, Quiz } from "./schema";

/**
 * Quiz grading, pure: the learner's layout (order of questions and options), reading posted
 * answers strictly (tampered input is refused, not ignored), grading per question type, the
 * time limit, and the public view of questions that never contains the answers.
 */
export type Answer = string[] | boolean | number | null;
export type Answers = Record<string, Answer>;
export type Layout = { q: { id: string; o?: string[] }[] };
export type QuestionResult = { id: string; credit: number; answer: Answer };
export type Grade = { score: number; max: number; percent: number; passed: boolean; results: QuestionResult[] };

/** Seconds accepted after the time limit (network, a slow phone) before an answer is not counted. */
export const GRACE_SECONDS = 30;

/**
 * The attempt's layout: the drawn questions (decision 0040) in the order shown and each one's option order,
 * from a generator seeded by the attempt's token, so the draw can be recomputed and tested.
 */
export function makeLayout(quiz: Quiz, random: () => number, earlier: readonly Layout[] = []): Layout {
  const drawn = drawQuestions(
    quiz.questions,
    quiz.questionsPerAttempt ?? quiz.questions.length,
    earlier.map((l) => l.q.map((item) => item.id)),
    random,
  );
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const questions = (quiz.shuffleQuestions ? shuffle(drawn, random) : drawn).map((id) => byId.get(id)!);
  return {
    q: questions.map((q) => ("options" in q ? { id: q.id, o: (quiz.shuffleOptions ? shuffle(q.options, random) : q.options).map((o) => o.id) } : { id: q.id })),
  };
}

export type PublicQuestion = {
  id: string;
  type: Question["type"];
  prompt: string;
  options?: { id: string; text: string }[];
  unit?: string;
};

/** What the browser may see before submitting: no correct options, answers, tolerances or explanations. */
export function publicQuestions(quiz: Quiz, layout: Layout): PublicQuestion[] {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return layout.q.flatMap((item) => {
    const q = byId.get(item.id);
    if (!q) return [];
    const base: PublicQuestion = { id: q.id, type: q.type, prompt: q.prompt };
    if ("options" in q) {
      const opts = new Map(q.options.map((o) => [o.id, o.text]));
      base.options = (item.o ?? q.options.map((o) => o.id)).filter((id) => opts.has(id)).map((id) => ({ id, text: opts.get(id)! }));
    }
    if (q.type === "numeric" && q.unit) base.unit = q.unit;
    return [base];
  });
}

/**
 * Reads posted fields `a.<questionId>` strictly: unknown question ids, options of another
 * question, two options on a single-choice question, numbers as text → errors (nothing graded).
 * Unanswered questions are null (graded as wrong).
 */
export function readAnswers(
  quiz: Quiz,
  input: Record<string, string | string[]>,
): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers: Answers = Object.fromEntries(quiz.questions.map((q) => [q.id, null]));
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const [key, raw] of Object.entries(input)) {
    if (!key.startsWith("a.")) continue;
    const q = byId.get(key.slice(2));
    if (!q) {
      errors._form = t("quiz.unknownQuestion");
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== "");
    if (values.length === 0) continue;
    switch (q.type) {
      case "single":
      case "multiple": {
        const ids = new Set(q.options.map((o) => o.id));
        if (values.some((v) => !ids.has(v))) errors[key] = t("quiz.badOption");
        else if (q.type === "single" && values.length > 1) errors[key] = t("quiz.oneOption");
        else answers[q.id] = [...new Set(values)];
        break;
      }
      case "true-false":
        if (values.length !== 1 || (values[0] !== "true" && values[0] !== "false")) errors[key] = t("quiz.badBoolean");
        else answers[q.id] = values[0] === "true";
        break;
      case "numeric": {
        const value = values.length === 1 ? parseVnNumber(values[0]) : null;
        if (value === null) errors[key] = t(values.length === 1 && /^[-−]?[\d.,]{1,26}$/.test(values[0]) ? "quiz.numberWriting" : "quiz.badNumber");
        else answers[q.id] = value;
        break;
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/** Credit 0..1 for one question. */
export function gradeQuestion(q: Question, answer: Answer): number {
  switch (q.type) {
    case "single":
      return Array.isArray(answer) && answer.length === 1 && answer[0] === q.correct[0] ? 1 : 0;
    case "multiple": {
      if (!Array.isArray(answer) || answer.length === 0) return 0;
      const correct = new Set(q.correct);
      const right = answer.filter((a) => correct.has(a)).length;
      const wrong = answer.length - right;
      if ((q.scoring ?? "all-or-nothing") === "all-or-nothing") return right === correct.size && wrong === 0 ? 1 : 0;
      // partial: each correct option earns 1/n, each wrong one takes 1/n back, never below 0
      return Math.max(0, Math.round(((right - wrong) / correct.size) * 1000) / 1000);
    }
    case "true-false":
      return answer === q.correct ? 1 : 0;
    case "numeric":
      // compare with a tiny epsilon so 0.1 + 0.2 style rounding never decides an edge
      return typeof answer === "number" && Math.abs(answer - q.answer) <= q.tolerance + 1e-9 ? 1 : 0;
  }
}

/** Grades the questions of the attempt's draw only: answers to any other question of the bank are ignored. */
export function gradeAttempt(quiz: Quiz, answers: Answers, layout: Layout): Grade {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const drawn = layout.q.flatMap((item) => (byId.has(item.id) ? [byId.get(item.id)!] : []));
  const results = drawn.map((q) => ({ id: q.id, credit: gradeQuestion(q, answers[q.id] ?? null), answer: answers[q.id] ?? null }));
  const score = Math.round(results.reduce((s, r) => s + r.credit, 0) * 100) / 100;
  const max = drawn.length;
  const percent = max ? Math.round((score / max) * 1000) / 10 : 0;
  return { score, max, percent, passed: percent >= quiz.passPercent, results };
}

/** Is a submission at `now` within the time limit (plus grace)? No deadline → always. */
export function inTime(deadlineAt: Date | null, now: Date, graceSeconds = GRACE_SECONDS): boolean {
  return deadlineAt === null || now.getTime() <= deadlineAt.getTime() + graceSeconds * 1000;
}

/** Human text of an answer (options by their text). */
export function answerText(q: Question, answer: Answer): string {
  if (answer === null || (Array.isArray(answer) && answer.length === 0)) return t("quiz.noAnswer");
  if (q.type === "true-false") return answer ? t("quiz.true") : t("quiz.false");
  if (q.type === "numeric") return `${formatVnNumber(answer as number)}${q.unit ? ` ${q.unit}` : ""}`;
  const texts = new Map(q.options.map((o) => [o.id, o.text]));
  return (answer as string[]).map((id) => texts.get(id) ?? id).join("; ");
}

export function correctText(q: Question): string {
  if (q.type === "numeric") return `${formatVnNumber(q.answer)}${q.tolerance ? ` (± ${formatVnNumber(q.tolerance)})` : ""}${q.unit ? ` ${q.unit}` : ""}`;
  return answerText(q, q.correct);
}
