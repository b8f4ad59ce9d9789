import { describe, expect, it } from "vitest";
import { type BankQuestion, drawQuestions, lessonQuotas, seededRandom } from "./draw";

/** A bank of `sizes[i]` questions in lesson `l{i}`. */
const bank = (...sizes: number[]): BankQuestion[] => sizes.flatMap((n, l) => Array.from({ length: n }, (_, i) => ({ id: `l${l}q${i}`, lesson: `l${l}` })));
const perLesson = (ids: string[]) => ids.reduce<Record<string, number>>((m, id) => ({ ...m, [id.split("q")[0]]: (m[id.split("q")[0]] ?? 0) + 1 }), {});
const shared = (a: string[], b: string[]) => a.filter((id) => b.includes(id)).length;
const SEEDS = Array.from({ length: 200 }, (_, i) => `seed-${i}`);

describe("drawing an attempt's questions", () => {
  it("balances across lessons: shares differ by at most one where every lesson has enough questions", () => {
    for (const seed of SEEDS) {
      const drawn = drawQuestions(bank(10, 8, 8, 4), 15, [], seededRandom(seed));
      expect(new Set(drawn).size).toBe(15);
      expect(Object.values(perLesson(drawn)).sort()).toEqual([3, 4, 4, 4]);
    }
  });

  it("a lesson with few questions gives what it has; the rest comes evenly from the others", () => {
    expect(
      Object.fromEntries(
        lessonQuotas(
          new Map([
            ["a", 1],
            ["b", 20],
            ["c", 20],
          ]),
          15,
          ["a", "b", "c"],
        ),
      ),
    ).toEqual({ a: 1, b: 7, c: 7 });
    const drawn = drawQuestions(bank(20, 1), 10, [], seededRandom("x"));
    expect(perLesson(drawn)).toEqual({ l0: 9, l1: 1 });
  });

  it("is deterministic per attempt: the same seed and history give the same draw, other seeds other draws", () => {
    const b = bank(10, 8, 8, 4);
    expect(drawQuestions(b, 15, [], seededRandom("abc"))).toEqual(drawQuestions(b, 15, [], seededRandom("abc")));
    const draws = new Set(SEEDS.map((s) => drawQuestions(b, 15, [], seededRandom(s)).join()));
    expect(draws.size).toBeGreaterThan(190);
  });

  it("a second attempt shares at most half its questions with the first when the bank holds twice the draw", () => {
    const b = bank(10, 8, 8, 4);
    for (const seed of SEEDS) {
      const first = drawQuestions(b, 15, [], seededRandom(seed));
      const second = drawQuestions(b, 15, [first], seededRandom(`${seed}/2`));
      expect(shared(first, second)).toBeLessThanOrEqual(7);
      // the third cannot avoid both (30 questions, 15 each): it splits its repeats between them
      const third = drawQuestions(b, 15, [first, second], seededRandom(`${seed}/3`));
      expect(Math.max(shared(first, third), shared(second, third))).toBeLessThanOrEqual(8);
    }
  });

  it("gives up balance rather than repeat more than half: a lesson whose questions were all asked yields its place", () => {
    const b = bank(4, 4, 20);
    const first = ["l0q0", "l0q1", "l0q2", "l0q3", "l1q0", "l1q1", "l1q2", "l1q3", "l2q0", "l2q1", "l2q2", "l2q3"];
    const second = drawQuestions(b, 12, [first], seededRandom("s"));
    // balance alone (4 + 4 + 4) would repeat 8 of 12; two places move to the lesson with fresh questions
    expect(shared(first, second)).toBe(6);
    expect(perLesson(second)).toEqual({ l0: 3, l1: 3, l2: 6 });
  });

  it("with a small bank repeats only what it must", () => {
    const b = bank(8, 6, 6); // 20 questions, 15 per attempt: at least 10 repeat
    for (const seed of SEEDS.slice(0, 50)) {
      const first = drawQuestions(b, 15, [], seededRandom(seed));
      const second = drawQuestions(b, 15, [first], seededRandom(`${seed}/2`));
      expect(shared(first, second)).toBe(10);
    }
    expect(drawQuestions(bank(5), 9, [], seededRandom("all"))).toHaveLength(5);
  });
});
