import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR } from "./compile.server";

/**
 * The module quizzes are banks an attempt draws from (issue 19): big enough for two attempts to differ,
 * spread over every lesson, each question tied to a lesson of its own module. Read from the raw files so the
 * check does not depend on the quiz schema (`questionsPerAttempt` is optional there).
 */
type RawQuestion = { id: string; type: string; prompt: string; lesson: string; options?: { id: string; text: string }[]; correct?: unknown };
type RawQuiz = { questionsPerAttempt?: number; questions: RawQuestion[] };

const MIN_BANK = 30;
const MIN_PER_LESSON = 4;

const modules = fs
  .readdirSync(CONTENT_DIR)
  .filter((dir) => fs.existsSync(path.join(CONTENT_DIR, dir, "quiz.json")))
  .map((dir) => {
    const full = path.join(CONTENT_DIR, dir);
    const quiz = JSON.parse(fs.readFileSync(path.join(full, "quiz.json"), "utf8")) as RawQuiz;
    const lessons = fs
      .readdirSync(full)
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => /^slug:\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(full, f), "utf8"))?.[1] ?? `(no slug in ${f})`);
    return { dir, quiz, lessons };
  });

const normalized = (text: string) => text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

describe("question banks", () => {
  it("finds the four modules' quizzes", () => {
    expect(modules.map((m) => m.dir)).toHaveLength(4);
  });

  describe.each(modules)("$dir", ({ quiz, lessons }) => {
    it(`holds at least ${MIN_BANK} questions and at least twice what one attempt asks`, () => {
      expect(quiz.questions.length).toBeGreaterThanOrEqual(MIN_BANK);
      if (quiz.questionsPerAttempt !== undefined) expect(quiz.questions.length).toBeGreaterThanOrEqual(2 * quiz.questionsPerAttempt);
    });

    it("ties every question to an existing lesson of its module", () => {
      const strays = quiz.questions.filter((q) => !lessons.includes(q.lesson)).map((q) => `${q.id} → ${q.lesson}`);
      expect(strays).toEqual([]);
    });

    it(`spreads the bank over every lesson (at least ${MIN_PER_LESSON} questions each)`, () => {
      const perLesson = Object.fromEntries(lessons.map((slug) => [slug, quiz.questions.filter((q) => q.lesson === slug).length]));
      for (const [slug, count] of Object.entries(perLesson)) expect(count, slug).toBeGreaterThanOrEqual(MIN_PER_LESSON);
    });

    it("has no duplicate prompts, and no duplicate options within a question", () => {
      const prompts = quiz.questions.map((q) => normalized(q.prompt));
      expect(prompts.filter((p, i) => prompts.indexOf(p) !== i)).toEqual([]);
      for (const q of quiz.questions) {
        const texts = (q.options ?? []).map((o) => normalized(o.text));
        expect(
          texts.filter((t, i) => texts.indexOf(t) !== i),
          q.id,
        ).toEqual([]);
      }
    });

    it("gives every multiple-choice question at least one wrong option", () => {
      for (const q of quiz.questions.filter((x) => x.type === "multiple")) {
        expect((q.options ?? []).length, q.id).toBeGreaterThan((q.correct as string[]).length);
      }
    });
  });
});
