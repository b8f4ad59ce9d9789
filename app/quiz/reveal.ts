/**
 * When a learner sees the correct answers and explanations (decision 0040). After every submitted
 * attempt they see the score and which questions were not right, each with its lesson; the answers
 * themselves wait until the learner's result is final, as the quiz file's `reveal` setting says.
 */
export const REVEAL_SETTINGS = ["after-pass", "after-last-attempt", "after-pass-or-last-attempt", "never"] as const;
export type Reveal = (typeof REVEAL_SETTINGS)[number];

/** The learner's standing at one quiz in one class. */
export type Standing = {
  /** some submitted attempt passed */
  passed: boolean;
  /** attempts they may still start (grants included) */
  attemptsLeft: number;
  /** an attempt is being answered now */
  open: boolean;
};

export function answersRevealed(reveal: Reveal, s: Standing): boolean {
  if (s.open) return false; // never while an attempt can still be answered, whatever came before
  const noneLeft = s.attemptsLeft <= 0;
  switch (reveal) {
    case "after-pass":
      return s.passed;
    case "after-last-attempt":
      return noneLeft;
    case "after-pass-or-last-attempt":
      return s.passed || noneLeft;
    case "never":
      return false;
  }
}
