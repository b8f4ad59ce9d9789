import { z } from "zod";
import { REVEAL_SETTINGS } from "./reveal";

/** The quiz file next to each module (`content/modules/NN-<slug>/quiz.json`), validated at build and load. */
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, "must be a short id (letters, digits, - or _)");
const option = z.strictObject({ id, text: z.string().trim().min(1).max(500) });
const base = {
  id,
  prompt: z.string().trim().min(5).max(2000),
  explanation: z.string().trim().min(5).max(2000),
  lesson: z.string().regex(/^[a-z0-9-]+$/, "must be a lesson slug"),
};

const choiceQuestion = (type: "single" | "multiple") =>
  z.strictObject({
    ...base,
    type: z.literal(type),
    options: z.array(option).min(2).max(10),
    correct: z.array(id).min(1),
    scoring: z.enum(["partial", "all-or-nothing"]).optional(),
  });

export const questionSchema = z
  .discriminatedUnion("type", [
    choiceQuestion("single"),
    choiceQuestion("multiple"),
    z.strictObject({ ...base, type: z.literal("true-false"), correct: z.boolean() }),
    z.strictObject({
      ...base,
      type: z.literal("numeric"),
      answer: z.number(),
      tolerance: z.number().min(0).default(0),
      unit: z.string().max(40).optional(),
    }),
  ])
  .superRefine((q, ctx) => {
    if (q.type !== "single" && q.type !== "multiple") return;
    const ids = q.options.map((o) => o.id);
    ids.forEach((oid, i) => {
      if (ids.indexOf(oid) !== i) ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: `duplicate option id "${oid}"` });
    });
    q.correct.forEach((c, i) => {
      if (!ids.includes(c)) ctx.addIssue({ code: "custom", path: ["correct", i], message: `"${c}" is not an option of this question` });
    });
    if (q.type === "single" && q.correct.length !== 1)
      ctx.addIssue({ code: "custom", path: ["correct"], message: "a single-choice question needs exactly one correct option" });
    if (q.type === "single" && q.scoring) ctx.addIssue({ code: "custom", path: ["scoring"], message: "scoring applies to multiple-choice questions only" });
  });
export type Question = z.infer<typeof questionSchema>;

export const quizSchema = z
  .strictObject({
    module: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().trim().min(3).max(200),
    passPercent: z.number().min(0).max(100),
    attemptsAllowed: z.number().int().min(1).max(100),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().optional(),
    /** how many questions one attempt draws from the bank (decision 0040); absent: all of them */
    questionsPerAttempt: z.number().int().min(1).max(200).optional(),
    /** when the correct answers and explanations are shown (app/quiz/reveal.ts) */
    reveal: z.enum(REVEAL_SETTINGS),
    questions: z.array(questionSchema).min(1).max(200),
  })
  .superRefine((quiz, ctx) => {
    if (quiz.questionsPerAttempt !== undefined && quiz.questionsPerAttempt > quiz.questions.length)
      ctx.addIssue({
        code: "custom",
        path: ["questionsPerAttempt"],
        message: `an attempt cannot draw ${quiz.questionsPerAttempt} questions from a bank of ${quiz.questions.length}`,
      });
    const ids = quiz.questions.map((q) => q.id);
    ids.forEach((qid, i) => {
      if (ids.indexOf(qid) !== i) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `duplicate question id "${qid}"` });
    });
  });
export type Quiz = z.infer<typeof quizSchema>;
