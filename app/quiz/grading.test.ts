import { describe, expect, it } from "vitest";
import { GRACE_SECONDS, answerText, correctText, gradeAttempt, gradeQuestion, inTime, makeLayout, publicQuestions, readAnswers } from "./grading";
import { type Quiz, quizSchema } from "./schema";

const quiz: Quiz = quizSchema.parse({
  module: "m",
  title: "Thử",
  passPercent: 70,
  attemptsAllowed: 2,
  shuffleQuestions: true,
  shuffleOptions: true,
  timeLimitMinutes: 10,
  reveal: "after-pass-or-last-attempt",
  questions: [
    {
      id: "s",
      type: "single",
      prompt: "Chọn một?",
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
      ],
      correct: ["a"],
      explanation: "Vì A đúng.",
      lesson: "l",
    },
    {
      id: "p",
      type: "multiple",
      scoring: "partial",
      prompt: "Chọn nhiều?",
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
        { id: "c", text: "C" },
        { id: "d", text: "D" },
      ],
      correct: ["a", "b", "c"],
      explanation: "A, B, C.",
      lesson: "l",
    },
    {
      id: "m",
      type: "multiple",
      prompt: "Tất cả hoặc không?",
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
        { id: "c", text: "C" },
      ],
      correct: ["a", "b"],
      explanation: "A và B.",
      lesson: "l",
    },
    { id: "t", type: "true-false", prompt: "Đúng hay sai?", correct: false, explanation: "Sai vì vậy.", lesson: "l" },
    { id: "n", type: "numeric", prompt: "Phần C bao nhiêu điểm?", answer: 35, tolerance: 0.5, unit: "điểm", explanation: "Phần C 35 điểm.", lesson: "l" },
  ],
});
const q = (id: string) => quiz.questions.find((x) => x.id === id)!;

describe("grading per type", () => {
  it("single choice", () => {
    expect(gradeQuestion(q("s"), ["a"])).toBe(1);
    expect(gradeQuestion(q("s"), ["b"])).toBe(0);
    expect(gradeQuestion(q("s"), null)).toBe(0);
  });
  it("multiple choice with partial credit: +1/n per right, −1/n per wrong, floor 0", () => {
    expect(gradeQuestion(q("p"), ["a", "b", "c"])).toBe(1);
    expect(gradeQuestion(q("p"), ["a", "b"])).toBe(0.667);
    expect(gradeQuestion(q("p"), ["a", "b", "c", "d"])).toBe(0.667);
    expect(gradeQuestion(q("p"), ["a", "d"])).toBe(0);
    expect(gradeQuestion(q("p"), ["d"])).toBe(0);
  });
  it("multiple choice, all or nothing (the default)", () => {
    expect(gradeQuestion(q("m"), ["b", "a"])).toBe(1);
    expect(gradeQuestion(q("m"), ["a"])).toBe(0);
    expect(gradeQuestion(q("m"), ["a", "b", "c"])).toBe(0);
  });
  it("true/false", () => {
    expect(gradeQuestion(q("t"), false)).toBe(1);
    expect(gradeQuestion(q("t"), true)).toBe(0);
    expect(gradeQuestion(q("t"), null)).toBe(0);
  });
  it("numeric with tolerance: edges are inside, just beyond is outside", () => {
    expect(gradeQuestion(q("n"), 35)).toBe(1);
    expect(gradeQuestion(q("n"), 34.5)).toBe(1);
    expect(gradeQuestion(q("n"), 35.5)).toBe(1);
    expect(gradeQuestion(q("n"), 35.51)).toBe(0);
    expect(gradeQuestion(q("n"), 34.49)).toBe(0);
  });
  const everything = { q: quiz.questions.map((x) => ({ id: x.id })) };
  it("adds credits to a percent and the pass mark", () => {
    const all = gradeAttempt(quiz, { s: ["a"], p: ["a", "b"], m: ["a", "b"], t: false, n: 35 }, everything);
    expect(all).toMatchObject({ score: 4.67, max: 5, percent: 93.4, passed: true });
    expect(gradeAttempt(quiz, { s: ["a"], p: ["a"], m: null, t: false, n: 1 }, everything)).toMatchObject({ percent: 46.6, passed: false });
    expect(gradeAttempt(quiz, { s: ["a"], p: ["a", "b", "c"], m: ["a", "b"], t: true, n: 0 }, everything)).toMatchObject({ percent: 60, passed: false });
  });
  it("grades only the questions of the attempt's draw: answers to others are ignored", () => {
    const drawn = { q: [{ id: "s" }, { id: "t" }] };
    const g = gradeAttempt(quiz, { s: ["a"], t: true, p: ["a", "b", "c"], n: 35 }, drawn);
    expect(g).toMatchObject({ score: 1, max: 2, percent: 50, passed: false });
    expect(g.results.map((r) => r.id)).toEqual(["s", "t"]);
  });
});

describe("reading posted answers strictly", () => {
  it("accepts good answers (comma decimals too)", () => {
    const r = readAnswers(quiz, { "a.s": "a", "a.p": ["a", "c"], "a.t": "false", "a.n": "34,5", token: "x" });
    expect(r).toEqual({ ok: true, answers: { s: ["a"], p: ["a", "c"], m: null, t: false, n: 34.5 } });
  });
  it("refuses unknown questions, foreign options, two radios, bad booleans and numbers as text", () => {
    const r = readAnswers(quiz, { "a.zz": "a", "a.s": "d", "a.m": ["a", "a", "x"], "a.t": "có", "a.n": "ba mươi lăm" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      _form: "Câu hỏi không thuộc bài kiểm tra này.",
      "a.s": "Lựa chọn không thuộc câu hỏi này.",
      "a.m": "Lựa chọn không thuộc câu hỏi này.",
      "a.t": "Chọn Đúng hoặc Sai.",
      "a.n": "Nhập một số (ví dụ 35 hoặc 2,5).",
    });
    expect(readAnswers(quiz, { "a.s": ["a", "b"] })).toEqual({ ok: false, errors: { "a.s": "Chỉ được chọn một đáp án." } });
  });
});

describe("numbers written the Vietnamese way (issue 14.2)", () => {
  const tenThousand = quizSchema.parse({
    ...quiz,
    questions: [{ id: "k", type: "numeric", prompt: "Bao nhiêu sản phẩm?", answer: 10000, unit: "sản phẩm", explanation: "10.000 sản phẩm.", lesson: "l" }],
  });
  const k = tenThousand.questions[0];
  const read = (text: string) => readAnswers(tenThousand, { "a.k": text });

  it("a dot groups thousands: 10.000 is ten thousand and right", () => {
    for (const text of ["10.000", "10000", " 10.000 "]) {
      const r = read(text);
      expect(r).toEqual({ ok: true, answers: { k: 10000 } });
      if (r.ok) expect(gradeQuestion(k, r.answers.k)).toBe(1);
    }
    expect(read("1.234.567,5")).toEqual({ ok: true, answers: { k: 1234567.5 } });
    expect(read("-2,5")).toEqual({ ok: true, answers: { k: -2.5 } });
  });

  it("a dot that does not group thousands is refused with a hint, not read as a decimal", () => {
    const message = "Viết số theo cách Việt Nam: dấu chấm tách hàng nghìn (10.000), dấu phẩy trước phần thập phân (10,5).";
    for (const text of ["10.5", "10.00", "1.2345", "10.000.0", "10,000", "1,234,567", "10.000,5,1"])
      expect(read(text)).toEqual({ ok: false, errors: { "a.k": message } });
  });

  it("the expected answer and the learner's answer are shown the same way", () => {
    expect(correctText(k)).toBe("10.000 sản phẩm");
    expect(answerText(k, 10000)).toBe("10.000 sản phẩm");
    expect(answerText(q("n"), 1234.5)).toBe("1.234,5 điểm");
    expect(correctText(q("n"))).toBe("35 (± 0,5) điểm");
  });
});

describe("time limit", () => {
  const deadline = new Date("2026-01-01T10:00:00Z");
  it("accepts up to the grace and refuses after", () => {
    expect(inTime(deadline, new Date(deadline.getTime() - 1))).toBe(true);
    expect(inTime(deadline, new Date(deadline.getTime() + GRACE_SECONDS * 1000))).toBe(true);
    expect(inTime(deadline, new Date(deadline.getTime() + GRACE_SECONDS * 1000 + 1))).toBe(false);
    expect(inTime(null, new Date(8.64e15))).toBe(true);
  });
});

describe("layout and the public view", () => {
  it("shuffles within each question and never exposes answers or explanations", () => {
    let seed = 1;
    const layout = makeLayout(quiz, () => (seed = (seed * 16807) % 2147483647) / 2147483647);
    expect(layout.q.map((x) => x.id).sort()).toEqual(["m", "n", "p", "s", "t"]);
    const pub = publicQuestions(quiz, layout);
    const text = JSON.stringify(pub);
    expect(text).not.toMatch(/correct|explanation|tolerance|"answer"/);
    expect(text).not.toContain("Vì A đúng.");
    expect(
      pub
        .find((x) => x.id === "p")!
        .options!.map((o) => o.id)
        .sort(),
    ).toEqual(["a", "b", "c", "d"]);
  });
});

describe("quiz file schema", () => {
  it("refuses a draw larger than the bank", () => {
    const r = quizSchema.safeParse({ ...quiz, questionsPerAttempt: 6 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["questionsPerAttempt"]);
    expect(quizSchema.parse({ ...quiz, questionsPerAttempt: 5 }).questionsPerAttempt).toBe(5);
  });
  it("names the question and field of a broken question", () => {
    const bad = {
      ...quiz,
      questions: [
        { ...quiz.questions[0], correct: ["zz"] },
        { ...quiz.questions[4], answer: "35" },
      ],
    };
    const r = quizSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("questions.0.correct.0");
    expect(paths).toContain("questions.1.answer");
  });
});
