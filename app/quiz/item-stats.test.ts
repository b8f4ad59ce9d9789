import { describe, expect, it } from "vitest";
import type { QuestionResult } from "./grading";
import { itemStatistics } from "./item-stats";
import { type Quiz, quizSchema } from "./schema";

const quiz: Quiz = quizSchema.parse({
  module: "m",
  title: "Thử",
  passPercent: 70,
  attemptsAllowed: 3,
  shuffleQuestions: true,
  shuffleOptions: true,
  reveal: "after-pass",
  questions: [
    {
      id: "s",
      type: "single",
      prompt: "Chọn một?",
      options: [
        { id: "x", text: "Ích" },
        { id: "y", text: "Y dài" },
        { id: "z", text: "Dét" },
      ],
      correct: ["x"],
      explanation: "Vì X đúng.",
      lesson: "bai-1",
    },
    { id: "t", type: "true-false", prompt: "Đúng hay sai?", correct: true, explanation: "Đúng vì vậy.", lesson: "bai-2" },
    { id: "n", type: "numeric", prompt: "Phần C bao nhiêu điểm?", answer: 35, unit: "điểm", explanation: "Phần C 35 điểm.", lesson: "bai-2" },
    { id: "u", type: "true-false", prompt: "Không ai được hỏi câu này?", correct: false, explanation: "Không bốc.", lesson: "bai-1" },
  ],
});

const r = (id: string, credit: number, answer: QuestionResult["answer"]): QuestionResult => ({ id, credit, answer });
// four submitted attempts of three drawn questions (u was never drawn)
const attempts = [
  [r("s", 1, ["x"]), r("t", 1, true), r("n", 1, 35)],
  [r("s", 1, ["x"]), r("t", 0, false), r("n", 1, 35)],
  [r("s", 0, ["y"]), r("t", 0, false), r("n", 1, 35)],
  [r("s", 0, ["y"]), r("t", 1, true), r("n", 0, 40)],
];

describe("item statistics", () => {
  it("matches a hand-computed example", () => {
    const [s, t, n, u] = itemStatistics(quiz, attempts, 4);
    // s: credit x = 1,1,0,0 (mean ½); rest y = (1+1)/2, (0+1)/2, (0+1)/2, (1+0)/2 = 1, ½, ½, ½ (mean ⅝)
    //    Σ(x−x̄)(y−ȳ) = ½·⅜ + ½·(−⅛) − ½·(−⅛) − ½·(−⅛) = ¼; Σ(x−x̄)² = 1; Σ(y−ȳ)² = 9/64 + 3/64 = 3/16
    //    r = ¼ / √(3/16) = 1/√3 ≈ 0.58
    expect(s).toEqual({
      n: 1,
      id: "s",
      prompt: "Chọn một?",
      lesson: "bai-1",
      answers: 4,
      share: 50,
      discrimination: 0.58,
      commonWrong: { text: "Y dài", count: 2 },
      flagged: false,
    });
    // t: x = 1,0,0,1; rest y = 1, 1, ½, 0 (mean ⅝): Σxy-dev = −¼, Σy-dev² = 11/16 → r = −¼/√(11/16) = −1/√11 ≈ −0.30
    expect(t).toMatchObject({ answers: 4, share: 50, discrimination: -0.3, commonWrong: { text: "Sai", count: 2 }, flagged: false });
    // n: x = 1,1,1,0; rest y = 1, ½, 0, ½: Σ(x−x̄)(y−ȳ) = ¼·½ + 0 − ¼·½ + 0 = 0 → r = 0
    expect(n).toMatchObject({ answers: 4, share: 75, discrimination: 0, commonWrong: { text: "40 điểm", count: 1 }, flagged: false });
    expect(u).toMatchObject({ answers: 0, share: null, discrimination: null, commonWrong: null, flagged: false });
  });

  it("flags a question most learners get wrong, once it has enough answers", () => {
    const hard = [[r("s", 0, ["z"])], [r("s", 0, ["y"])], [r("s", 1, ["x"])]];
    expect(itemStatistics(quiz, hard, 3)[0]).toMatchObject({ share: 33.3, flagged: true, discrimination: null, commonWrong: { text: "Y dài", count: 1 } });
    expect(itemStatistics(quiz, hard, 4)[0].flagged).toBe(false);
  });
});
