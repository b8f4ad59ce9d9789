import { attendanceRate } from "~/attendance/report";
import { compactCode, isCodeOfLength, randomCode } from "~/ops/codes";

/**
 * Course completion: a minimum attendance rate over the sessions held so far, and the quizzes
 * of the required modules passed. Pure, so the rule is tested without a database.
 */
export type CompletionRule = { minAttendancePercent: number; requiredModules: string[] };
export const DEFAULT_RULE: CompletionRule = { minAttendancePercent: 80, requiredModules: [] };

export type CompletionFacts = {
  /** sessions that count for the learner (taken, enrolled by then: app/attendance/report.ts) and how many of them the learner attended (present or late) */
  sessionsHeld: number;
  sessionsAttended: number;
  /** modules whose quiz the learner has passed */
  passedModules: string[];
};

export type Missing = { kind: "attendance"; ratePercent: number; requiredPercent: number; noSessions: boolean } | { kind: "quiz"; module: string };

export type Completion = { complete: boolean; attendancePercent: number; missing: Missing[] };

export function attendancePercent(facts: Pick<CompletionFacts, "sessionsHeld" | "sessionsAttended">): number {
  return attendanceRate(facts.sessionsAttended, facts.sessionsHeld);
}

/** `allModules` are the course's modules: an empty `requiredModules` means all of them. */
export function evaluateCompletion(rule: CompletionRule, facts: CompletionFacts, allModules: readonly string[]): Completion {
  const missing: Missing[] = [];
  const rate = attendancePercent(facts);
  if (facts.sessionsHeld === 0 || rate < rule.minAttendancePercent) {
    missing.push({ kind: "attendance", ratePercent: rate, requiredPercent: rule.minAttendancePercent, noSessions: facts.sessionsHeld === 0 });
  }
  const required = rule.requiredModules.length ? rule.requiredModules : allModules;
  for (const module of required) if (!facts.passedModules.includes(module)) missing.push({ kind: "quiz", module });
  return { complete: missing.length === 0, attendancePercent: rate, missing };
}

export function ruleFromRow(row: { minAttendancePercent: number; requiredModules: string } | null | undefined): CompletionRule {
  if (!row) return DEFAULT_RULE;
  return { minAttendancePercent: row.minAttendancePercent, requiredModules: row.requiredModules.split(",").filter(Boolean) };
}

/** Verification codes: 16 characters without look-alikes (80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newCertificateCode(random?: (n: number) => Uint8Array): string {
  return randomCode(16, random).match(/.{4}/g)!.join("-");
}

/** Accepts lower case, spaces and missing dashes as typed from paper; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const compact = compactCode(input);
  if (!isCodeOfLength(compact, 16)) return null;
  return compact.match(/.{4}/g)!.join("-");
}
