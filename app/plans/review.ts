import { CONSULTANT_STATUSES, type PlanVia } from "~/access/scope";

/**
 * Which steps a reviewer's comment asks the producer to look at again. Pure.
 *
 * A step needs a look while someone other than the producer has commented on it on the version
 * now under review (`currentVersion`; 0 before the first submission) after the step was last
 * saved. Editing the step, or resubmitting (a newer version), answers it.
 */
export type ReviewComment = { step: number; authorId: number; createdAt: Date; versionNumber: number };

export function stepsNeedingLook(
  comments: readonly ReviewComment[],
  steps: readonly { step: number; updatedAt: Date }[],
  ownerId: number,
  currentVersion: number,
): Set<number> {
  const savedAt = new Map(steps.map((s) => [s.step, s.updatedAt.getTime()]));
  const out = new Set<number>();
  for (const c of comments) {
    if (c.authorId === ownerId || c.versionNumber < currentVersion) continue;
    if (c.createdAt.getTime() > (savedAt.get(c.step) ?? -Infinity)) out.add(c.step);
  }
  return new Set([...out].sort((a, b) => a - b));
}

/**
 * Who may comment on the plan page: the producer at any time; an invited consultant while the plan is a draft
 * (DRAFT, or RETURNED for changes), since a submitted version belongs to the appraisers (decision 0016).
 */
export function canCommentOnPlan(via: PlanVia, status: string): boolean {
  return via === "owner" || (CONSULTANT_STATUSES as readonly string[]).includes(status);
}

/** How a plan's status reads at a glance: only an approval is good news; a return asks for work. */
export function statusTone(status: string): "neutral" | "warn" | "error" | "success" {
  if (status === "APPROVED") return "success";
  if (status === "RETURNED") return "warn";
  if (status === "REJECTED" || status === "LAPSED") return "error";
  return "neutral";
}
