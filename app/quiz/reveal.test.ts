import { describe, expect, it } from "vitest";
import { REVEAL_SETTINGS, type Reveal, type Standing, answersRevealed } from "./reveal";

const standings: Record<string, Standing> = {
  firstFailed: { passed: false, attemptsLeft: 2, open: false },
  passed: { passed: true, attemptsLeft: 1, open: false },
  allUsedFailed: { passed: false, attemptsLeft: 0, open: false },
  passedRetaking: { passed: true, attemptsLeft: 0, open: true },
  grantedAfterLast: { passed: false, attemptsLeft: 1, open: false },
};

describe("review policy", () => {
  it.each<[Reveal, string[]]>([
    ["after-pass", ["passed"]],
    ["after-last-attempt", ["allUsedFailed"]],
    ["after-pass-or-last-attempt", ["passed", "allUsedFailed"]],
    ["never", []],
  ])("%s reveals the answers only in its final standings", (reveal, revealed) => {
    for (const [name, standing] of Object.entries(standings)) expect(answersRevealed(reveal, standing), name).toBe(revealed.includes(name));
  });

  it("no setting reveals anything after a failed attempt with attempts left, or while an attempt is open", () => {
    for (const reveal of REVEAL_SETTINGS) {
      expect(answersRevealed(reveal, standings.firstFailed)).toBe(false);
      expect(answersRevealed(reveal, standings.passedRetaking)).toBe(false);
    }
  });
});
