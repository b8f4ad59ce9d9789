import type { Auth } from "~/auth/guard.server";
import { bumpStat } from "~/appraisal/counters.server";
import { localYear, localYearRange } from "~/appraisal/deadline";
import { type Prisma, db } from "~/db/db.server";
import { type OcopGroup, STEP_COUNT, type StepCheck, type StoredValues, checkStored } from "./steps";

/** Statuses in which the producer may still edit the steps. */
export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;

export function orgsOf(userId: number) {
  return db().producerOrg.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, address: true, unitId: true } });
}

export function createOrg(input: { name: string; kind: string; address: string; unitId: number; ownerId: number }) {
  return db().producerOrg.create({ data: input, select: { id: true } });
}

/** Plans the user owns (through their organisations) or was invited to — one query. */
export function plansVisibleTo(userId: number) {
  return db().businessPlan.findMany({
    where: { OR: [{ org: { ownerId: userId } }, { invites: { some: { userId } } }] },
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

/** Organisations a user may register ideas for: their own (producer) or those within their units (officers). */
export type OrgScope = { ownerId: number } | { unitPaths: string[] };

function orgWhere(scope: OrgScope): Prisma.ProducerOrgWhereInput {
  if ("ownerId" in scope) return { ownerId: scope.ownerId };
  if (scope.unitPaths.length === 0) return { id: { in: [] } }; // no units: nothing, never everything
  return { OR: scope.unitPaths.map((p) => ({ unit: { path: { startsWith: p } } })) };
}

export type RegisterOutcome = { ok: true; id: number } | { ok: false; error: "outside" } | { ok: false; error: "duplicate"; title: string };

/** The same idea name however it was typed (spaces, capitals, composed or not). */
export function ideaNameKey(title: string): string {
  return title.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/**
 * Registers a product idea ("ý tưởng đăng ký", the first count of the statistics) for an
 * organisation within the scope. Idempotent (decision 0021): the form's key replays the first
 * result (a double tap or a resent form), and the same idea name for the same organisation in
 * the same local year is refused, so the statistics count it once.
 */
export async function registerIdea(scope: OrgScope, input: IdeaInput, at = new Date()): Promise<RegisterOutcome> {
  const org = await db().producerOrg.findFirst({ where: { id: input.orgId, ...orgWhere(scope) }, select: { id: true, unit: { select: { path: true } } } });
  if (!org) return { ok: false, error: "outside" };
  const key = input.idempotencyKey ?? null;
  const year = localYear(at);
  const range = localYearRange(year);
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
    if ((error as { code?: string }).code !== "P2002" || !key) throw error;
    return attempt();
  }
}

/** Registered ideas within the scope (optionally of one local year), newest first, with the plan built from each. */
export function ideasIn(scope: OrgScope, year?: number) {
  const range = year ? localYearRange(year) : null;
  return db().productIdea.findMany({
    where: { org: orgWhere(scope), ...(range ? { createdAt: { gte: range.from, lt: range.to } } : {}) },
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
export function orgsIn(scope: OrgScope) {
  return db().producerOrg.findMany({ where: orgWhere(scope), orderBy: { name: "asc" }, take: 2000, select: { id: true, name: true, unit: { select: { name: true } } } });
}

/**
 * Starts the business plan of an idea the user owns: the plan takes the idea's name, and step 3
 * (the product) starts with its name and group. One plan per idea: asking again returns it.
 */
export async function createPlanFromIdea(ideaId: number, ownerId: number, at = new Date()) {
  const idea = await db().productIdea.findFirst({ where: { id: ideaId, org: { ownerId } }, select: { id: true, orgId: true, title: true, ocopGroup: true, plan: { select: { id: true } } } });
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
    if ((error as { code?: string }).code !== "P2002") throw error;
    return db().businessPlan.findUnique({ where: { ideaId: idea.id }, select: { id: true } });
  }
}

export type PlanAccess = "owner" | "consultant";

/**
 * The plan as `auth` may see it, or null (→ 404): the owner of its organisation, or an invited
 * consultant. One query: plan + organisation (+ unit) + steps + invites.
 */
export async function planFor(auth: Auth, rawId: string | undefined) {
  const id = /^\d{1,9}$/.test(rawId ?? "") ? Number(rawId) : NaN;
  if (Number.isNaN(id)) return null;
  const plan = await db().businessPlan.findUnique({
    where: { id },
    include: {
      org: { include: { unit: { select: { id: true, name: true, path: true } } } },
      steps: true,
      invites: { include: { user: { select: { id: true, fullName: true, email: true, phone: true } } } },
    },
  });
  if (!plan) return null;
  const roles = new Set(auth.user.grants.map((g) => g.role));
  let access: PlanAccess | null = null;
  if (plan.org.ownerId === auth.user.id && roles.has("producer")) access = "owner";
  else if (roles.has("consultant") && plan.invites.some((i) => i.userId === auth.user.id)) access = "consultant";
  if (!access) return null;
  return { plan, access };
}

/** For saves: the plan's id and status when `userId` owns it (one query), else null. */
export async function ownPlanForSave(userId: number, rawId: string | undefined) {
  const id = /^\d{1,9}$/.test(rawId ?? "") ? Number(rawId) : NaN;
  if (Number.isNaN(id)) return null;
  return db().businessPlan.findFirst({ where: { id, org: { ownerId: userId } }, select: { id: true, status: true } });
}

export type PlanWithSteps = NonNullable<Awaited<ReturnType<typeof planFor>>>["plan"];

/** Every step checked: values (validated on load), completeness and what is missing. */
export function checkAllSteps(steps: { step: number; data: string }[]): StepCheck[] {
  const byStep = new Map(steps.map((s) => [s.step, s.data]));
  return Array.from({ length: STEP_COUNT }, (_, i) => checkStored(i + 1, byStep.get(i + 1)));
}

export type SaveOutcome =
  | { ok: true; version: number; savedAt: Date }
  | { ok: false; conflict: { version: number; data: string; updatedAt: Date; by: string | null } };

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
      if ((error as { code?: string }).code !== "P2002") throw error;
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
    where: { active: true, OR: [contact.email ? { email: contact.email } : {}, contact.phone ? { phone: contact.phone } : {}].filter((c) => Object.keys(c).length), roles: { some: { role: "consultant" } } },
    select: { id: true, fullName: true },
  });
  if (!user) return null;
  await db().planInvite.upsert({ where: { planId_userId: { planId, userId: user.id } }, update: {}, create: { planId, userId: user.id } });
  return user;
}

export function removeInvite(planId: number, userId: number) {
  return db().planInvite.deleteMany({ where: { planId, userId } });
}
