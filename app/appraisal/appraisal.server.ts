import type { Auth } from "~/auth/guard.server";
import { appraiserHolds } from "~/access/scope";
import type { UnitLevel } from "~/auth/roles";
import { type Prisma, db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { notify } from "~/notifications/notifications.server";
import { stepsNeedingLook } from "~/plans/review";
import "~/i18n/officer";
import { vnYear } from "~/i18n/format";
import { now } from "./clock.server";
import { bumpStat } from "./counters.server";
import { daysLeftWhenPaused, deadlineFor, resumedDeadline } from "./deadline";
import { planStatusAsOf } from "./overdue";
import { casesAsOf, sweepOverdue } from "./overdue.server";
import { appraisersFor, rulesFor } from "./rules.server";
import { type CaseStatus, type Decision, decide, decisionsFor, resubmit } from "./workflow";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

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
    const year = existing?.year ?? vnYear(at);
    // the clock stopped when the case was returned; it restarts in full or resumes, as the province rules
    const resume = existing?.pausedAt && rules.clockOnResubmit === "RESUME";
    const data = {
      status: "SUBMITTED",
      levelIndex,
      level,
      unitPath: plan.org.unit.path,
      year,
      versionNumber: number,
      receivedAt: at,
      deadlineAt: resume ? resumedDeadline(at, daysLeftWhenPaused(existing.pausedAt!, existing.deadlineAt, rules), rules) : deadlineFor(at, rules, level),
      // resuming a level that had already missed its deadline keeps it counted as overdue, once
      overdue: resume ? existing.overdue : false,
      pausedAt: null,
    };
    if (existing) await tx.appraisalCase.update({ where: { planId }, data: { ...data, revision: { increment: 1 } } });
    else await tx.appraisalCase.create({ data: { planId, ...data } });
    const event = await tx.appraisalEvent.create({
      data: {
        planId,
        versionNumber: number,
        actorId: userId,
        action,
        fromStatus: existing?.status ?? "DRAFT",
        toStatus: "SUBMITTED",
        fromLevel: existing?.level ?? "",
        toLevel: level,
        unitPath: plan.org.unit.path,
        year,
        createdAt: at,
      },
    });
    await bumpStat(tx, plan.org.unit.path, year, action, existing?.level ?? "");
    await tx.businessPlan.update({ where: { id: planId }, data: { status: "SUBMITTED" } });
    const to = await appraisersFor(tx, plan.org.unit.path, level);
    await notify(tx, { kind: "appraisal.received", key: `appraisal-event:${event.id}`, to, params: { title: plan.title }, link: `/tham-dinh/${planId}` });
    return { ok: true, version: number } as const;
  });
}

export type DecideRefusal = "notFound" | "stale" | "forbidden" | "reasonRequired" | "final" | "notSubmitted" | "notLastLevel" | "lastLevel" | "notReturned";
export type DecideOutcome = { ok: true; status: string } | { ok: false; error: DecideRefusal };
type DecideInput = { decision: Decision; reason: string; revision: number; versionNumber: number };
type CaseRow = NonNullable<Awaited<ReturnType<Tx["appraisalCase"]["findUnique"]>>>;

/** Whether `auth` may take this decision on the case as it was seen: the transition, or why not. */
async function evaluate(tx: Tx | ReturnType<typeof db>, c: CaseRow | null, auth: Auth, input: DecideInput) {
  if (!c) return { ok: false, error: "notFound" } as const;
  // a decision on what the appraiser saw: a newer revision (double click, another decision) or version is stale
  if (c.revision !== input.revision || c.versionNumber !== input.versionNumber) return { ok: false, error: "stale" } as const;
  if (!appraiserHolds(auth.user.grants, c)) return { ok: false, error: "forbidden" } as const;
  const rules = await rulesFor(c.unitPath, tx);
  const step = decide({ status: c.status as CaseStatus, levelIndex: c.levelIndex }, input.decision, rules.levels, input.reason);
  if (!step.ok) return { ok: false, error: step.refusal } as const;
  return { ok: true, step, rules } as const;
}

/** The decisions the viewer may take on the case now (the form offers these and nothing else). */
export async function decisionsOpenTo(auth: Auth, c: CaseRow): Promise<Decision[]> {
  if (!appraiserHolds(auth.user.grants, c)) return [];
  const rules = await rulesFor(c.unitPath);
  return decisionsFor({ status: c.status as CaseStatus, levelIndex: c.levelIndex }, rules.levels, [c.level as UnitLevel]);
}

export type PreviewOutcome = { ok: true; consequence: string } | { ok: false; error: DecideRefusal };

/** What a decision would do, checked as `decideCase` checks it, writing nothing (the confirmation step). */
export async function previewDecision(planId: number, auth: Auth, input: DecideInput, at = now()): Promise<PreviewOutcome> {
  await sweepOverdue(at, planId); // a missed deadline is written before anything acts on the case
  const c = await db().appraisalCase.findUnique({ where: { planId } });
  const checked = await evaluate(db(), c, auth, input);
  if (!checked.ok) return checked;
  const level = t(`level.${checked.step.toLevel}` as "level.COMMUNE");
  return { ok: true, consequence: t(`appraisal.consequence.${input.decision}` as "appraisal.consequence.FORWARD", { level }) };
}

/**
 * An appraiser's decision on the revision they saw: the UPDATE is conditional on that revision, so
 * a double click or two appraisers at once act once; a decision on an old version is refused.
 */
export async function decideCase(planId: number, auth: Auth, input: DecideInput, at = now()): Promise<DecideOutcome> {
  await sweepOverdue(at, planId); // a missed deadline is written before anything acts on the case
  return db().$transaction(async (tx) => {
    const c = await tx.appraisalCase.findUnique({ where: { planId } });
    const checked = await evaluate(tx, c, auth, input);
    if (!checked.ok) return checked;
    const { step, rules } = checked;
    if (!c) return { ok: false, error: "notFound" } as const;
    const forwarded = input.decision === "FORWARD";
    const updated = await tx.appraisalCase.updateMany({
      where: { planId, revision: input.revision },
      data: {
        status: step.next.status,
        levelIndex: step.next.levelIndex,
        level: step.toLevel,
        revision: { increment: 1 },
        ...(forwarded ? { receivedAt: at, deadlineAt: deadlineFor(at, rules, step.toLevel), overdue: false } : {}),
        // with the producer the level's clock stops (see submitPlan for how it restarts)
        ...(step.next.status === "RETURNED" ? { pausedAt: at } : {}),
      },
    });
    if (updated.count !== 1) return { ok: false, error: "stale" } as const;
    const event = await tx.appraisalEvent.create({
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
    const key = `appraisal-event:${event.id}`;
    await notify(tx, { kind: "appraisal.decided", key, to: [plan.org.ownerId], params: { title: plan.title, decision: label }, link: `/phuong-an/${planId}` });
    if (forwarded) {
      const to = await appraisersFor(tx, c.unitPath, step.toLevel);
      await notify(tx, { kind: "appraisal.received", key, to, params: { title: plan.title }, link: `/tham-dinh/${planId}` });
    }
    return { ok: true, status: step.next.status } as const;
  });
}

const planTitle = { plan: { select: { title: true, org: { select: { name: true } } } } } satisfies Prisma.AppraisalCaseInclude;

/**
 * The cases an appraiser acts on now (`caseWhere(auth, rule, { acting: true })` from app/access), most
 * urgent first, with their plan's title, as they stand at `at` (a case lapsed by its deadline has left).
 */
export async function queueIn(where: Prisma.AppraisalCaseWhereInput, at = now()) {
  const cases = await db().appraisalCase.findMany({ where, include: planTitle, orderBy: { deadlineAt: "asc" }, take: 500 });
  return (await casesAsOf(cases, at)).filter((c) => c.status === "SUBMITTED");
}

/** Approved cases within a scope (`caseWhere` from app/access), with their plan's title, for recording the council's result. */
export function approvedIn(where: Prisma.AppraisalCaseWhereInput) {
  return db().appraisalCase.findMany({ where: { AND: [{ status: "APPROVED" }, where] }, include: planTitle, orderBy: { updatedAt: "desc" }, take: 200 });
}

const DECISION_ACTIONS = ["FORWARD", "APPROVE", "RETURN", "REJECT"];

/**
 * The officer's "handled by me" list: the cases they decided on (latest decision first), still
 * within their appraiser units (`reachableUnitPaths` from app/access), with where each case is now.
 */
export async function handledBy(actorId: number, unitPaths: readonly string[], take = 100, at = now()) {
  if (!unitPaths.length) return [];
  const events = await db().appraisalEvent.findMany({
    where: { actorId, action: { in: DECISION_ACTIONS }, OR: unitPaths.map((p) => ({ unitPath: { startsWith: p } })) },
    orderBy: { id: "desc" },
    take: take * 4,
    select: { planId: true, action: true, createdAt: true },
  });
  const latest = new Map<number, (typeof events)[number]>();
  for (const e of events) if (!latest.has(e.planId) && latest.size < take) latest.set(e.planId, e);
  if (!latest.size) return [];
  const ids = [...latest.keys()];
  const cases = await casesAsOf(await db().appraisalCase.findMany({ where: { planId: { in: ids } }, include: planTitle }), at);
  const caseOf = new Map(cases.map((c) => [c.planId, c]));
  return ids.flatMap((planId) => {
    const c = caseOf.get(planId);
    return c
      ? [{ planId, title: c.plan.title, org: c.plan.org.name, decision: latest.get(planId)!.action, decidedAt: latest.get(planId)!.createdAt, case: c }]
      : [];
  });
}

/** A case with its versions, trail and comments, the case as it stands at `at` (overdue derived, see overdue.ts). */
export async function caseDetail(planId: number, at = now()) {
  const [row, versions, events, comments] = await Promise.all([
    db().appraisalCase.findUnique({ where: { planId } }),
    db().planVersion.findMany({ where: { planId }, orderBy: { number: "asc" } }),
    db().appraisalEvent.findMany({ where: { planId }, orderBy: { id: "asc" } }),
    db().planComment.findMany({ where: { planId }, orderBy: { id: "asc" } }),
  ]);
  const userIds = [...new Set([...events.map((e) => e.actorId), ...comments.map((c) => c.authorId)].filter((x): x is number => x !== null))];
  const users = userIds.length
    ? await db().user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, fullName: true, roles: { where: { role: { in: ["appraiser", "admin"] } }, select: { id: true }, take: 1 } },
      })
    : [];
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  // comment authors who act for the state: their names follow the province's setting, like the trail's
  const officers = new Set(users.filter((u) => u.roles.length > 0).map((u) => u.id));
  const c = row ? (await casesAsOf([row], at))[0] : null;
  return { c, versions, events, comments, names, officers };
}

/** The plan behind a case, with its organisation and unit (the case page prints it). */
export function planOfCase(planId: number) {
  return db().businessPlan.findUniqueOrThrow({ where: { id: planId }, include: { org: { include: { unit: { select: { name: true } } } } } });
}

export async function addComment(
  planId: number,
  authorId: number,
  input: { step: number; body: string; parentId?: number; versionNumber: number },
  notifyIds: number[],
  link: string,
  title: string,
) {
  return db().$transaction(async (tx) => {
    const parent = input.parentId ? await tx.planComment.findFirst({ where: { id: input.parentId, planId } }) : null;
    if (input.parentId && !parent) return null;
    const comment = await tx.planComment.create({
      data: { planId, authorId, step: input.step, body: input.body, parentId: input.parentId ?? null, versionNumber: input.versionNumber },
    });
    const key = `plan-comment:${comment.id}`;
    // the author of the comment answered is told that (once), the others that there is a new comment
    const answered = parent && parent.authorId !== authorId ? parent.authorId : null;
    if (answered !== null) await notify(tx, { kind: "appraisal.commentAnswered", key, to: [answered], params: { title }, link });
    const to = notifyIds.filter((id) => id !== authorId && id !== answered);
    await notify(tx, { kind: "appraisal.comment", key, to, params: { title }, link });
    return comment;
  });
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
      author: who(c.authorId, detail.officers.has(c.authorId)),
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
      data: {
        planId,
        versionNumber: c.versionNumber,
        actorId,
        action: "RESULT",
        fromStatus: c.status,
        toStatus: c.status,
        fromLevel: c.level,
        toLevel: c.level,
        reason: t("appraisal.result.reason", { score, stars }),
        unitPath: c.unitPath,
        year: c.year,
        createdAt: at,
      },
    });
    await bumpStat(tx, c.unitPath, c.year, "RESULT", c.level);
    return true;
  });
}

/**
 * The appraisal as the plan's producer (or invited consultant) sees it: the case, the trail and
 * comments (officers' names per the province setting), the latest return with its reason while the
 * plan is with the producer, and the steps a reviewer's comment asks to look at again.
 */
export async function planReview(
  plan: { id: number; status: string; org: { ownerId: number; unit: { path: string } }; steps: { step: number; updatedAt: Date }[] },
  viewerId: number,
  formatWhen: (d: Date) => string,
) {
  const [detail, rules] = await Promise.all([caseDetail(plan.id), rulesFor(plan.org.unit.path)]);
  const view = caseView(detail, { officerNames: rules.showOfficerNames, viewerId, formatWhen });
  const lastReturn = detail.c?.status === "RETURNED" ? [...detail.events].reverse().find((e) => e.action === "RETURN") : undefined;
  const returned = lastReturn ? view.trail.find((r) => r.id === lastReturn.id) : undefined;
  return {
    detail,
    /** the plan's status as it stands now (a missed deadline shows before the sweep writes it) */
    planStatus: planStatusAsOf(plan.status, detail.c),
    view,
    returned: returned ? { reason: returned.reason, who: returned.who, when: returned.when } : null,
    needsLook: stepsNeedingLook(detail.comments, plan.steps, plan.org.ownerId, detail.c?.versionNumber ?? 0),
  };
}
