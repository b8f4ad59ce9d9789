import type { Auth } from "~/auth/guard.server";
import type { RoleGrant, UnitLevel } from "~/auth/roles";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { rulesFromRow, type ProvinceRules } from "~/units/settings";
import { now } from "./clock.server";
import { bumpStat } from "./counters.server";
import { deadlineFor, localYear } from "./deadline";
import { type CaseStatus, type Decision, decide, overdueStatus, resubmit } from "./workflow";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export async function rulesFor(unitPath: string, tx: Tx | ReturnType<typeof db> = db()): Promise<ProvinceRules> {
  const rootId = Number(unitPath.split("/").filter(Boolean)[0]);
  const row = await tx.provinceSettings.findUnique({ where: { unitId: rootId } });
  return rulesFromRow(row);
}

/** Appraisers whose grant covers `unitPath` at `level` (they receive the case). */
async function appraisersFor(tx: Tx, unitPath: string, level: string) {
  const ids = unitPath.split("/").filter(Boolean).map(Number);
  const rows = await tx.roleAssignment.findMany({
    where: { role: "appraiser", unitId: { in: ids }, unit: { level }, user: { active: true } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

async function notify(tx: Tx, userIds: number[], text: string, link: string) {
  if (userIds.length) await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, text, link })) });
}

export type SubmitOutcome = { ok: true; version: number } | { ok: false; error: "state" };

/** Freezes a new version of the plan and routes it to the first level (or back to the returning level). */
export async function submitPlan(planId: number, userId: number, at = now()): Promise<SubmitOutcome> {
  return db().$transaction(async (tx) => {
    const plan = await tx.businessPlan.findUniqueOrThrow({ where: { id: planId }, include: { org: { include: { unit: true } }, steps: true } });
    const existing = await tx.appraisalCase.findUnique({ where: { planId } });
    const rules = await rulesFor(plan.org.unit.path, tx);
    let levelIndex = 0;
    let action = "SUBMIT";
    if (existing) {
      const next = resubmit({ status: existing.status as CaseStatus, levelIndex: existing.levelIndex }, rules.levels);
      if (!next.ok) return { ok: false, error: "state" } as const;
      levelIndex = next.next.levelIndex;
      action = "RESUBMIT";
    } else if (plan.status !== "DRAFT") return { ok: false, error: "state" } as const;
    const last = await tx.planVersion.findFirst({ where: { planId }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (last?.number ?? 0) + 1;
    const frozen = Object.fromEntries(plan.steps.map((s) => [s.step, JSON.parse(s.data)]));
    await tx.planVersion.create({ data: { planId, number, data: JSON.stringify(frozen), createdAt: at, createdById: userId } });
    const level = rules.levels[levelIndex];
    const year = existing?.year ?? localYear(at);
    const data = {
      status: "SUBMITTED",
      levelIndex,
      level,
      unitPath: plan.org.unit.path,
      year,
      versionNumber: number,
      receivedAt: at,
      deadlineAt: deadlineFor(at, rules),
      overdue: false,
    };
    if (existing) await tx.appraisalCase.update({ where: { planId }, data: { ...data, revision: { increment: 1 } } });
    else await tx.appraisalCase.create({ data: { planId, ...data } });
    await tx.appraisalEvent.create({
      data: { planId, versionNumber: number, actorId: userId, action, fromStatus: existing?.status ?? "DRAFT", toStatus: "SUBMITTED", fromLevel: existing?.level ?? "", toLevel: level, unitPath: plan.org.unit.path, year, createdAt: at },
    });
    await bumpStat(tx, plan.org.unit.path, year, action, existing?.level ?? "");
    await tx.businessPlan.update({ where: { id: planId }, data: { status: "SUBMITTED" } });
    await notify(tx, await appraisersFor(tx, plan.org.unit.path, level), t("appraisal.notify.received", { title: plan.title }), `/tham-dinh/${planId}`);
    return { ok: true, version: number } as const;
  });
}

/** Does this appraiser hold the case's level at a unit covering the producer's unit? */
export function appraiserCovers(grants: readonly RoleGrant[], c: { level: string; unitPath: string }): boolean {
  return grants.some((g) => g.role === "appraiser" && g.unitLevel === c.level && c.unitPath.startsWith(g.unitPath));
}

/** Cases an appraiser may see: any case whose producer lies within one of their appraiser units. */
export function appraiserScope(grants: readonly RoleGrant[]) {
  const paths = grants.filter((g) => g.role === "appraiser").map((g) => g.unitPath);
  return paths.map((p) => ({ unitPath: { startsWith: p } }));
}

export type DecideOutcome =
  | { ok: true; status: string }
  | { ok: false; error: "notFound" | "stale" | "forbidden" | "reasonRequired" | "final" | "notSubmitted" | "notLastLevel" | "lastLevel" | "notReturned" };

/**
 * An appraiser's decision on the revision they saw: the UPDATE is conditional on that revision, so
 * a double click or two appraisers at once act once; a decision on an old version is refused.
 */
export async function decideCase(
  planId: number,
  auth: Auth,
  input: { decision: Decision; reason: string; revision: number; versionNumber: number },
  at = now(),
): Promise<DecideOutcome> {
  return db().$transaction(async (tx) => {
    const c = await tx.appraisalCase.findUnique({ where: { planId } });
    if (!c) return { ok: false, error: "notFound" } as const;
    // a decision on what the appraiser saw: a newer revision (double click, another decision) or version is stale
    if (c.revision !== input.revision || c.versionNumber !== input.versionNumber) return { ok: false, error: "stale" } as const;
    if (!appraiserCovers(auth.user.grants, c)) return { ok: false, error: "forbidden" } as const;
    const rules = await rulesFor(c.unitPath, tx);
    const step = decide({ status: c.status as CaseStatus, levelIndex: c.levelIndex }, input.decision, rules.levels, input.reason);
    if (!step.ok) return { ok: false, error: step.refusal } as const;
    const forwarded = input.decision === "FORWARD";
    const updated = await tx.appraisalCase.updateMany({
      where: { planId, revision: input.revision },
      data: {
        status: step.next.status,
        levelIndex: step.next.levelIndex,
        level: step.toLevel,
        revision: { increment: 1 },
        ...(forwarded ? { receivedAt: at, deadlineAt: deadlineFor(at, rules), overdue: false } : {}),
      },
    });
    if (updated.count !== 1) return { ok: false, error: "stale" } as const;
    await tx.appraisalEvent.create({
      data: {
        planId,
        versionNumber: c.versionNumber,
        actorId: auth.user.id,
        action: input.decision,
        fromStatus: c.status,
        toStatus: step.next.status,
        fromLevel: c.level,
        toLevel: step.toLevel,
        reason: input.reason.trim(),
        unitPath: c.unitPath,
        year: c.year,
        createdAt: at,
      },
    });
    await bumpStat(tx, c.unitPath, c.year, input.decision, c.level);
    const plan = await tx.businessPlan.update({ where: { id: planId }, data: { status: step.next.status }, include: { org: { select: { ownerId: true } } } });
    const label = t(`appraisal.decision.${input.decision}` as "appraisal.decision.FORWARD");
    await notify(tx, [plan.org.ownerId], t("appraisal.notify.decided", { title: plan.title, decision: label }), `/phuong-an/${planId}`);
    if (forwarded) await notify(tx, await appraisersFor(tx, c.unitPath, step.toLevel), t("appraisal.notify.received", { title: plan.title }), `/tham-dinh/${planId}`);
    return { ok: true, status: step.next.status } as const;
  });
}

/**
 * Marks cases past their deadline, once each, with an audit event and notifications; under the
 * province's LAPSE rule the case also closes. Run lazily by the pages that show cases (no
 * scheduler needed); cheap when there are none. `planId` limits it to one case.
 */
export async function markOverdue(at = now(), planId?: number) {
  const due = await db().appraisalCase.findMany({ where: { status: "SUBMITTED", overdue: false, deadlineAt: { lt: at }, ...(planId ? { planId } : {}) } });
  const rulesOf = new Map<string, Promise<ProvinceRules>>(); // one settings read per province, not per case
  for (const c of due) {
    const province = c.unitPath.split("/")[1];
    if (!rulesOf.has(province)) rulesOf.set(province, rulesFor(c.unitPath));
    const status = overdueStatus((await rulesOf.get(province)!).overdueRule);
    await db().$transaction(async (tx) => {
      const r = await tx.appraisalCase.updateMany({
        where: { planId: c.planId, overdue: false, revision: c.revision },
        // a flag alone leaves the revision: a decision prepared before the deadline still applies
        data: { overdue: true, status, ...(status !== c.status ? { revision: { increment: 1 } } : {}) },
      });
      if (r.count !== 1) return;
      await tx.appraisalEvent.create({
        data: { planId: c.planId, versionNumber: c.versionNumber, action: "OVERDUE", fromStatus: c.status, toStatus: status, fromLevel: c.level, toLevel: c.level, reason: "", unitPath: c.unitPath, year: c.year, createdAt: at },
      });
      await bumpStat(tx, c.unitPath, c.year, "OVERDUE", c.level);
      const plan = await tx.businessPlan.update({
        where: { id: c.planId },
        data: { status },
        select: { title: true, org: { select: { ownerId: true } } },
      });
      const text = t(status === "LAPSED" ? "appraisal.notify.lapsed" : "appraisal.notify.overdue", { title: plan.title });
      await notify(tx, [plan.org.ownerId], text, `/phuong-an/${c.planId}`);
      await notify(tx, await appraisersFor(tx, c.unitPath, c.level), text, `/tham-dinh/${c.planId}`);
    });
  }
  return due.length;
}

export function queueFor(auth: Auth) {
  const scope = appraiserScope(auth.user.grants);
  const levels = [...new Set(auth.user.grants.filter((g) => g.role === "appraiser").map((g) => g.unitLevel as UnitLevel))];
  if (!scope.length) return Promise.resolve([]);
  return db().appraisalCase.findMany({
    where: { status: "SUBMITTED", level: { in: levels }, OR: scope },
    orderBy: { deadlineAt: "asc" },
    take: 500,
  });
}

export async function caseDetail(planId: number) {
  const [c, versions, events, comments] = await Promise.all([
    db().appraisalCase.findUnique({ where: { planId } }),
    db().planVersion.findMany({ where: { planId }, orderBy: { number: "asc" } }),
    db().appraisalEvent.findMany({ where: { planId }, orderBy: { id: "asc" } }),
    db().planComment.findMany({ where: { planId }, orderBy: { id: "asc" } }),
  ]);
  const userIds = [...new Set([...events.map((e) => e.actorId), ...comments.map((c) => c.authorId)].filter((x): x is number => x !== null))];
  const users = userIds.length ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return { c, versions, events, comments, names };
}

export async function addComment(planId: number, authorId: number, input: { step: number; body: string; parentId?: number; versionNumber: number }, notifyIds: number[], link: string, title: string) {
  return db().$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.planComment.findFirst({ where: { id: input.parentId, planId } });
      if (!parent) return null;
    }
    const comment = await tx.planComment.create({ data: { planId, authorId, step: input.step, body: input.body, parentId: input.parentId ?? null, versionNumber: input.versionNumber } });
    await notify(tx, notifyIds.filter((id) => id !== authorId), t("appraisal.notify.comment", { title }), link);
    return comment;
  });
}

/** The bell's number on every page (raw SQL: a Prisma count costs several times as much CPU). */
export async function unreadCount(userId: number): Promise<number> {
  const rows = await db().$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`;
  return Number(rows[0].n);
}

type Detail = Awaited<ReturnType<typeof caseDetail>>;

/** The audit trail and comments as rows to show; producers see officers' roles, not their names. */
export function caseView(detail: Detail, opts: { officerNames: boolean; viewerId: number; formatWhen: (d: Date) => string }) {
  const levelLabel = (l: string) => (l ? t(`level.${l}` as "level.COMMUNE") : "");
  const statusLabel = (s: string) => t(`appraisal.status.${s}` as "appraisal.status.SUBMITTED");
  const who = (id: number | null, isOfficer: boolean) => {
    if (id === null) return t("appraisal.trail.system");
    if (isOfficer && !opts.officerNames && id !== opts.viewerId) return t("appraisal.trail.officer");
    return detail.names.get(id) ?? "";
  };
  const officerActions = new Set(["FORWARD", "APPROVE", "RETURN", "REJECT", "RESULT"]);
  return {
    trail: detail.events.map((e) => ({
      id: e.id,
      when: opts.formatWhen(e.createdAt),
      who: who(e.actorId, officerActions.has(e.action)),
      action: `${t(`appraisal.action.${e.action}` as "appraisal.action.SUBMIT")} (${t("appraisal.version", { n: e.versionNumber })})`,
      from: [statusLabel(e.fromStatus), levelLabel(e.fromLevel)].filter(Boolean).join(" · "),
      to: [statusLabel(e.toStatus), levelLabel(e.toLevel)].filter(Boolean).join(" · "),
      reason: e.reason,
    })),
    comments: detail.comments.map((c) => ({
      id: c.id,
      step: c.step,
      parentId: c.parentId,
      author: detail.names.get(c.authorId) ?? "",
      when: opts.formatWhen(c.createdAt),
      body: c.body,
    })),
  };
}

/** The council's official result for an approved product (admins); the star counters follow. */
export async function recordResult(planId: number, actorId: number, score: number, stars: number, at = now()) {
  return db().$transaction(async (tx) => {
    const c = await tx.appraisalCase.findUnique({ where: { planId } });
    if (!c || c.status !== "APPROVED") return false;
    await tx.appraisalCase.update({ where: { planId }, data: { officialScore: score, officialStars: stars, revision: { increment: 1 } } });
    if (c.officialStars) await bumpStat(tx, c.unitPath, c.year, `STARS_${c.officialStars}`, "", -1);
    await bumpStat(tx, c.unitPath, c.year, `STARS_${stars}`);
    await tx.appraisalEvent.create({
      data: { planId, versionNumber: c.versionNumber, actorId, action: "RESULT", fromStatus: c.status, toStatus: c.status, fromLevel: c.level, toLevel: c.level, reason: `${score} điểm, ${stars} sao`, unitPath: c.unitPath, year: c.year, createdAt: at },
    });
    await bumpStat(tx, c.unitPath, c.year, "RESULT", c.level);
    return true;
  });
}
