/**
 * The appraisal state machine. A case sits at one level of the province's chain; appraisers of
 * that level forward it (not at the last level), approve it (last level only), return it for
 * changes or reject it (both with a reason). A returned case comes back, as a new version, to
 * the level that returned it. Approved, rejected and lapsed (closed by the province's overdue
 * rule) are final. Pure.
 */
import type { UnitLevel } from "~/auth/roles";
import type { OverdueRule } from "~/units/settings";

export const CASE_STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED", "LAPSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const DECISIONS = ["FORWARD", "APPROVE", "RETURN", "REJECT"] as const;
export type Decision = (typeof DECISIONS)[number];

export type CaseState = { status: CaseStatus; levelIndex: number };
export type Refusal = "final" | "notSubmitted" | "notLastLevel" | "lastLevel" | "reasonRequired" | "notReturned";

export type Transition = { ok: true; next: CaseState; toLevel: UnitLevel } | { ok: false; refusal: Refusal };

export function decide(state: CaseState, decision: Decision, levels: readonly UnitLevel[], reason: string): Transition {
  if (state.status === "APPROVED" || state.status === "REJECTED" || state.status === "LAPSED") return { ok: false, refusal: "final" };
  if (state.status !== "SUBMITTED") return { ok: false, refusal: "notSubmitted" };
  const last = state.levelIndex >= levels.length - 1;
  const here = levels[Math.min(state.levelIndex, levels.length - 1)];
  switch (decision) {
    case "FORWARD":
      if (last) return { ok: false, refusal: "lastLevel" };
      return { ok: true, next: { status: "SUBMITTED", levelIndex: state.levelIndex + 1 }, toLevel: levels[state.levelIndex + 1] };
    case "APPROVE":
      if (!last) return { ok: false, refusal: "notLastLevel" };
      return { ok: true, next: { status: "APPROVED", levelIndex: state.levelIndex }, toLevel: here };
    case "RETURN":
    case "REJECT":
      if (!reason.trim()) return { ok: false, refusal: "reasonRequired" };
      return { ok: true, next: { status: decision === "RETURN" ? "RETURNED" : "REJECTED", levelIndex: state.levelIndex }, toLevel: here };
  }
}

/**
 * The decisions an officer may take on a case: none unless it is submitted and held at one of the
 * officer's levels; forward below the last level of the chain, approve only at the last; return and
 * reject at every level. The form offers exactly these, and `decide` refuses the others.
 */
export function decisionsFor(state: CaseState, levels: readonly UnitLevel[], officerLevels: readonly UnitLevel[]): Decision[] {
  if (state.status !== "SUBMITTED") return [];
  const index = Math.min(state.levelIndex, levels.length - 1);
  if (!officerLevels.includes(levels[index])) return [];
  return index === levels.length - 1 ? ["APPROVE", "RETURN", "REJECT"] : ["FORWARD", "RETURN", "REJECT"];
}

/** The producer resubmits a returned case: back to the level that returned it. */
export function resubmit(state: CaseState, levels: readonly UnitLevel[]): Transition {
  if (state.status !== "RETURNED") return { ok: false, refusal: "notReturned" };
  const index = Math.min(state.levelIndex, levels.length - 1);
  return { ok: true, next: { status: "SUBMITTED", levelIndex: index }, toLevel: levels[index] };
}

/** A submitted case past its deadline: flagged and kept in the queue, or closed, as the province rules. */
export function overdueStatus(rule: OverdueRule): CaseStatus {
  return rule === "LAPSE" ? "LAPSED" : "SUBMITTED";
}
