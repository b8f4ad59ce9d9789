import type { Quiz } from "./schema";

/**
 * What one learner may do at a quiz: the quiz file's attempts and time limit plus the trainer's grants
 * (extra attempts, extra minutes for accessibility). A quiz without a time limit stays without one.
 */
export type GrantTotals = { extraAttempts: number; extraMinutes: number };

export function allowance(quiz: Pick<Quiz, "attemptsAllowed" | "timeLimitMinutes">, grants: readonly GrantTotals[]) {
  const extraAttempts = grants.reduce((s, g) => s + g.extraAttempts, 0);
  const extraMinutes = grants.reduce((s, g) => s + g.extraMinutes, 0);
  return {
    attemptsAllowed: quiz.attemptsAllowed + extraAttempts,
    timeLimitMinutes: quiz.timeLimitMinutes ? quiz.timeLimitMinutes + extraMinutes : null,
    extraAttempts,
    extraMinutes: quiz.timeLimitMinutes ? extraMinutes : 0,
  };
}
export type Allowance = ReturnType<typeof allowance>;
