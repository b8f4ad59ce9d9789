import { type Answer, type QuestionResult, answerText } from "./grading";
import type { Question, Quiz } from "./schema";

/**
 * Item statistics of a quiz over a class's submitted attempts, pure (decision 0041): per question of the bank,
 * how many attempts drew it, the share of credit earned, the discrimination (the Pearson correlation between
 * the question's credit and the attempt's score on its OTHER questions, as a fraction: item–rest), the wrong
 * answer chosen most, and a flag when most answers are wrong over enough answers to mean something.
 */
export const FLAG_MIN_ANSWERS = 10;
export const FLAG_BELOW_PERCENT = 50;

export type ItemStat = {
  n: number;
  id: string;
  prompt: string;
  lesson: string;
  answers: number;
  /** percent of the credit earned, one decimal; null when nobody answered */
  share: number | null;
  /** −1..1, two decimals; null with fewer than 3 answers or when the credit or the rest does not vary */
  discrimination: number | null;
  commonWrong: { text: string; count: number } | null;
  flagged: boolean;
};

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return Math.round((sxy / Math.sqrt(sxx * syy)) * 100) / 100;
}

/** The wrong answers an attempt gave to `q`, as keys to count: each wrong option chosen, a wrong true/false or number. */
function wrongKeys(q: Question, r: QuestionResult): string[] {
  if (r.answer === null || r.credit === 1) return [];
  if (q.type === "single" || q.type === "multiple") return (r.answer as string[]).filter((id) => !q.correct.includes(id));
  return [JSON.stringify(r.answer)];
}

function wrongText(q: Question, key: string): string {
  return answerText(q, (q.type === "single" || q.type === "multiple" ? [key] : JSON.parse(key)) as Answer);
}

export function itemStatistics(quiz: Quiz, attempts: readonly QuestionResult[][], minAnswers = FLAG_MIN_ANSWERS): ItemStat[] {
  const totals = attempts.map((results) => ({ sum: results.reduce((s, r) => s + r.credit, 0), count: results.length }));
  return quiz.questions.map((q, i) => {
    const credits: number[] = [];
    const rest: number[] = [];
    const wrong = new Map<string, number>();
    attempts.forEach((results, a) => {
      const r = results.find((x) => x.id === q.id);
      if (!r) return;
      credits.push(r.credit);
      const others = totals[a].count - 1;
      rest.push(others > 0 ? (totals[a].sum - r.credit) / others : 0);
      for (const key of wrongKeys(q, r)) wrong.set(key, (wrong.get(key) ?? 0) + 1);
    });
    const answers = credits.length;
    const share = answers ? Math.round((credits.reduce((s, c) => s + c, 0) / answers) * 1000) / 10 : null;
    // the most chosen; a tie goes to the option listed first (or the answer met first)
    const order = "options" in q ? q.options.map((o) => o.id) : [...wrong.keys()];
    const top = [...wrong.entries()].sort((x, y) => y[1] - x[1] || order.indexOf(x[0]) - order.indexOf(y[0]))[0];
    return {
      n: i + 1,
      id: q.id,
      prompt: q.prompt,
      lesson: q.lesson,
      answers,
      share,
      discrimination: pearson(credits, rest),
      commonWrong: top ? { text: wrongText(q, top[0]), count: top[1] } : null,
      flagged: share !== null && share < FLAG_BELOW_PERCENT && answers >= minAnswers,
    };
  });
}
