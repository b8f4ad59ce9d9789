import { bumpStat } from "~/appraisal/counters.server";
import { vnYear, vnYearRange } from "~/i18n/format";
import { type Prisma, db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { notify } from "~/notifications/notifications.server";
import { type OcopGroup, STEP_COUNT, type StepCheck, type StoredValues, checkStored } from "./steps";

/** Statuses in which the producer may still edit the steps. */
export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;

/** A producer's own organisations (the scope is `orgWhere` from app/access). */
export function orgsOf(where: Prisma.ProducerOrgWhereInput) {
  return db().producerOrg.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, address: true, unitId: true } });
}

export function createOrg(input: { name: string; kind: string; address: string; unitId: number; ownerId: number }) {
  return db().producerOrg.create({ data: input, select: { id: true } });
}

/** Plans within a scope (`planWhere` from app/access), most recently changed first — one query. */
export function plansIn(where: Prisma.BusinessPlanWhereInput) {
  return db().businessPlan.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      org: { select: { name: true, ownerId: true } },
      steps: { select: { step: true, complete: true } },
    },
  });
}

export type IdeaInput = { orgId: number; title: string; ocopGroup: OcopGroup; description: string; idempotencyKey?: string };

export type RegisterOutcome = { ok: true; id: number } | { ok: false; error: "outside" } | { ok: false; error: "duplicate"; title: string };

/** The same idea name however it was typed (spaces, capitals, composed or not). */
export function ideaNameKey(title: string): string {
  return title.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/**
 * Registers a product idea ("ý tưởng đăng ký", the first count of the statistics) for an
 * organisation within the scope (`orgWhere` from app/access). Idempotent (decision 0021): the form's key replays the first
 * result (a double tap or a resent form), and the same idea name for the same organisation in
 * the same local year is refused, so the statistics count it once.
 */
export async function registerIdea(orgs: Prisma.ProducerOrgWhereInput, input: IdeaInput, at = new Date()): Promise<RegisterOutcome> {
  const org = await db().producerOrg.findFirst({ where: { AND: [{ id: input.orgId }, orgs] }, select: { id: true, unit: { select: { path: true } } } });
  if (!org) return { ok: false, error: "outside" };
  const key = input.idempotencyKey ?? null;
  const year = vnYear(at);
  const range = vnYearRange(year);
  const attempt = () =>
    db().$transaction(async (tx): Promise<RegisterOutcome> => {
      if (key) {
        const first = await tx.productIdea.findUnique({ where: { idempotencyKey: key }, select: { id: true, orgId: true } });
        if (first) return first.orgId === org.id ? { ok: true, id: first.id } : { ok: false, error: "outside" };
      }
      const sameYear = await tx.productIdea.findMany({ where: { orgId: org.id, createdAt: { gte: range.from, lt: range.to } }, select: { title: true } });
      const twin = sameYear.find((i) => ideaNameKey(i.title) === ideaNameKey(input.title));
      if (twin) return { ok: false, error: "duplicate", title: twin.title };
      const idea = await tx.productIdea.create({
        data: { orgId: org.id, title: input.title, ocopGroup: input.ocopGroup, description: input.description, createdAt: at, idempotencyKey: key },
        select: { id: true },
      });
      await bumpStat(tx, org.unit.path, year, "IDEA");
      return { ok: true, id: idea.id };
    });
  try {
    return await attempt();
  } catch (error) {
    // the twin request committed the same key first: answer with its idea
    if (!isUniqueViolation(error) || !key) throw error;
    return attempt();
  }
}

/** Registered ideas within the scope (optionally of one local year), newest first, with the plan built from each. */
export function ideasIn(orgs: Prisma.ProducerOrgWhereInput, year?: number) {
  const range = year ? vnYearRange(year) : null;
  return db().productIdea.findMany({
    where: { org: orgs, ...(range ? { createdAt: { gte: range.from, lt: range.to } } : {}) },
    orderBy: { id: "desc" },
    take: 1000,
    select: {
      id: true,
      title: true,
      ocopGroup: true,
      createdAt: true,
      org: { select: { name: true, unit: { select: { name: true } } } },
      plan: { select: { id: true, status: true } },
    },
  });
}

/** Organisations within the scope, by name (for the officers' registration form). */
export function orgsIn(orgs: Prisma.ProducerOrgWhereInput) {
  return db().producerOrg.findMany({ where: orgs, orderBy: { name: "asc" }, take: 2000, select: { id: true, name: true, unit: { select: { name: true } } } });
}

/**
 * Starts the business plan of an idea of an organisation within `orgs` (the producer's own): the
 * plan takes the idea's name, and step 3 (the product) starts with its name and group. One plan
 * per idea: asking again returns it.
 */
export async function createPlanFromIdea(ideaId: number, orgs: Prisma.ProducerOrgWhereInput, ownerId: number, at = new Date()) {
  const idea = await db().productIdea.findFirst({
    where: { id: ideaId, org: orgs },
    select: { id: true, orgId: true, title: true, ocopGroup: true, plan: { select: { id: true } } },
  });
  if (!idea) return null;
  if (idea.plan) return idea.plan;
  const product = checkStored(3, JSON.stringify({ productName: idea.title, ocopGroup: idea.ocopGroup })).values;
  try {
    return await db().businessPlan.create({
      data: {
        orgId: idea.orgId,
        ideaId: idea.id,
        title: idea.title,
        createdAt: at,
        steps: { create: { step: 3, data: JSON.stringify(product), complete: false, updatedAt: at, updatedById: ownerId } },
      },
      select: { id: true },
    });
  } catch (error) {
    // a double click: the unique idea id lets one plan in; the other request gets that plan
    if (!isUniqueViolation(error)) throw error;
    return db().businessPlan.findUnique({ where: { ideaId: idea.id }, select: { id: true } });
  }
}

/** Every step checked: values (validated on load), completeness and what is missing. */
export function checkAllSteps(steps: { step: number; data: string }[]): StepCheck[] {
  const byStep = new Map(steps.map((s) => [s.step, s.data]));
  return Array.from({ length: STEP_COUNT }, (_, i) => checkStored(i + 1, byStep.get(i + 1)));
}

export type SaveOutcome =
  { ok: true; version: number; savedAt: Date } | { ok: false; conflict: { version: number; data: string; updatedAt: Date; by: string | null } };

/**
 * Optimistic concurrency: the save applies only when the stored version is the one the editor
 * started from (0 = the step was never saved). Otherwise the current row is returned to show.
 */
export async function saveStep(
  planId: number,
  step: number,
  expectedVersion: number,
  stored: StoredValues,
  complete: boolean,
  userId: number,
  now = new Date(),
  touchPlan = true,
): Promise<SaveOutcome> {
  const data = JSON.stringify(stored);
  if (expectedVersion === 0) {
    try {
      await db().planStep.create({ data: { planId, step, data, complete, version: 1, updatedAt: now, updatedById: userId } });
    } catch (error) {
      // Only "the row exists already" is a conflict; anything else is a real failure.
      if (!isUniqueViolation(error)) throw error;
      return conflictOf(planId, step);
    }
    if (touchPlan) await db().businessPlan.updateMany({ where: { id: planId }, data: { updatedAt: now } });
    return { ok: true, version: 1, savedAt: now };
  }
  // One conditional UPDATE: atomic on its own, so no transaction is needed for the step row.
  const updated = await db().planStep.updateMany({
    where: { planId, step, version: expectedVersion },
    data: { data, complete, version: expectedVersion + 1, updatedAt: now, updatedById: userId },
  });
  if (updated.count === 1 && touchPlan) await db().businessPlan.updateMany({ where: { id: planId }, data: { updatedAt: now } });
  if (updated.count === 1) return { ok: true, version: expectedVersion + 1, savedAt: now };
  return conflictOf(planId, step);
}

async function conflictOf(planId: number, step: number): Promise<SaveOutcome> {
  const row = await db().planStep.findUnique({ where: { planId_step: { planId, step } } });
  const by = row?.updatedById ? await db().user.findUnique({ where: { id: row.updatedById }, select: { fullName: true } }) : null;
  return {
    ok: false,
    conflict: { version: row?.version ?? 0, data: row?.data ?? "{}", updatedAt: row?.updatedAt ?? new Date(0), by: by?.fullName ?? null },
  };
}

/** Invites a consultant (by email or phone) to a plan; null when no such consultant exists. */
export async function inviteConsultant(planId: number, contact: { email?: string; phone?: string }) {
  const user = await db().user.findFirst({
    where: {
      active: true,
      OR: [contact.email ? { email: contact.email } : {}, contact.phone ? { phone: contact.phone } : {}].filter((c) => Object.keys(c).length),
      roles: { some: { role: "consultant" } },
    },
    select: { id: true, fullName: true },
  });
  if (!user) return null;
  await db().$transaction(async (tx) => {
    const invite = await tx.planInvite.upsert({ where: { planId_userId: { planId, userId: user.id } }, update: {}, create: { planId, userId: user.id } });
    const plan = await tx.businessPlan.findUniqueOrThrow({ where: { id: planId }, select: { title: true } });
    // keyed by the invite: inviting again tells no one twice, an invite removed and made anew is news
    await notify(tx, {
      kind: "plans.invited",
      key: `plan-invite:${planId}:${user.id}:${invite.createdAt.getTime()}`,
      to: [user.id],
      params: { title: plan.title },
      link: `/phuong-an/${planId}`,
    });
  });
  return user;
}

export function removeInvite(planId: number, userId: number) {
  return db().planInvite.deleteMany({ where: { planId, userId } });
}
