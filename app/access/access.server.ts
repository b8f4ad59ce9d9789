import { type Auth, forbidden, notFound } from "~/auth/guard.server";
import type { Role } from "~/auth/roles";
import { Prisma as Sql } from "../../generated/prisma/client";
import { type Prisma, db } from "~/db/db.server";
import { readRows } from "~/db/read.server";
import { parseId } from "~/forms/parse";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { idsOnPaths } from "~/units/tree";
import { pathWithinSql, unitsWithin } from "~/units/units.server";
import {
  CONSULTANT_STATUSES,
  LEARNING_ROLES,
  type PlanVia,
  type RoleRule,
  appraiserActs,
  courseVia,
  covers,
  coversPerson,
  planVia,
  rolesFor,
  unitPathsFor,
} from "./scope";
import { personContact } from "~/users/person-select";

/**
 * The one door to objects: for a signed-in user and a rule from a permission table, which units,
 * courses, plans, cases, organisations and people they reach — as Prisma `where` fragments for
 * lists, and as checked fetches for one object that throw a 404 (a stranger cannot tell "not
 * yours" from "does not exist"). Routes get their objects only here (docs/decisions/0016).
 */

const NOTHING = { id: { in: [] as number[] } };

/** A list fragment that matches nothing (the user has no role that reaches such objects): skip the query. */
export function reachesNothing(where: object): boolean {
  return where === NOTHING;
}

/** A `$id` route param or form id: a small positive integer, or "not found". */
export function idParam(raw: string | number | undefined | null): number {
  const id = parseId(raw);
  if (id === null) throw notFound();
  return id;
}

const pathWithin = (paths: readonly string[]) => paths.map((p) => ({ path: { startsWith: p } }));

// ───────────── units ─────────────

/** Unit paths where the user holds one of the rule's roles. */
export function reachableUnitPaths(auth: Auth, rule: RoleRule): string[] {
  return unitPathsFor(auth.user.grants, rule);
}

/** Units within the subtrees where the user holds one of the rule's roles (scopes a write: a class's unit, its audience). */
export function unitWhere(auth: Auth, rule: RoleRule): Prisma.UnitWhereInput {
  const paths = reachableUnitPaths(auth, rule);
  return paths.length ? { OR: pathWithin(paths) } : NOTHING;
}

/** Every active unit within those subtrees, in tree order (for pickers and the unit page). */
export function reachableUnits(auth: Auth, rule: RoleRule) {
  return unitsWithin(reachableUnitPaths(auth, rule));
}

/** The active units of those subtrees on the given unit paths: each path's unit and the units above it (a filter). */
export function reachableUnitsOnPaths(auth: Auth, rule: RoleRule, paths: readonly string[]) {
  return unitsWithin(reachableUnitPaths(auth, rule), idsOnPaths(paths));
}

/** The provinces where the user holds the rule's role at province level (province settings). */
export function reachableProvinces(auth: Auth, rule: RoleRule) {
  const ids = auth.user.grants.filter((g) => rule.roles.includes(g.role) && g.unitLevel === "PROVINCE").map((g) => g.unitId);
  if (ids.length === 0) return Promise.resolve([]);
  return db().unit.findMany({ where: { id: { in: ids } }, include: { settings: true }, orderBy: { name: "asc" } });
}

/** Does the user hold the rule's role at a province (not only at a district or commune)? */
export function holdsAtProvince(auth: Auth, rule: RoleRule): boolean {
  return auth.user.grants.some((g) => rule.roles.includes(g.role) && g.unitLevel === "PROVINCE");
}

/** Acts on the national catalogue (loading provinces) are a province admin's: others get a thrown 403. */
export function requireProvinceGrant(auth: Auth, rule: RoleRule): void {
  if (!holdsAtProvince(auth, rule)) throw forbidden();
}

// ───────────── courses ─────────────

export type ReachedCourse = {
  id: number;
  title: string;
  code: string;
  unitId: number;
  unitPath: string;
  /** the roles through which the user reaches it */
  via: ReadonlySet<Role>;
  enrolled: boolean;
  /** the enrolment the user studies it through (their progress and attempts there, decision 0032); null when not enrolled */
  enrolmentId: number | null;
  teaches: boolean;
  administers: boolean;
  /** archived: read-only (see `changeableCourse`) */
  archived: boolean;
};

/** The ways the user reaches courses under the rule's roles (optionally only some of them): enrolled, teaching, administering these subtrees. */
function waysIn(auth: Auth, rule: RoleRule, only?: readonly Role[]) {
  const held = [...rolesFor(auth.user.grants, rule)].filter((r) => !only || only.includes(r));
  return {
    learns: held.some((r) => LEARNING_ROLES.includes(r)),
    teaches: held.includes("trainer"),
    adminPaths: held.includes("admin") ? unitPathsFor(auth.user.grants, rule, ["admin"]) : [],
  };
}

/** Courses the user reaches through the rule's roles (optionally only some of them), for lists. */
export function courseWhere(auth: Auth, rule: RoleRule, only?: readonly Role[]): Prisma.CourseWhereInput {
  const { learns, teaches, adminPaths } = waysIn(auth, rule, only);
  const userId = auth.user.id;
  const or: Prisma.CourseWhereInput[] = [];
  if (learns) or.push({ enrolments: { some: { userId } } });
  if (teaches) or.push({ trainers: { some: { userId } } });
  if (adminPaths.length) or.push({ unit: { OR: pathWithin(adminPaths) } });
  return or.length ? { OR: or } : NOTHING;
}

/**
 * The courses of `courseWhere`, as an SQL condition on a course aliased `c`, for the lists that read their rows
 * in one raw query (the class lists: decision 0055); null when the user reaches none. The same ways in (`waysIn`).
 */
export function courseScopeSql(auth: Auth, rule: RoleRule, only?: readonly Role[]): Sql.Sql | null {
  const { learns, teaches, adminPaths } = waysIn(auth, rule, only);
  const userId = auth.user.id;
  const or: Sql.Sql[] = [];
  if (learns) or.push(Sql.sql`EXISTS (SELECT 1 FROM "Enrolment" se WHERE se."courseId" = c."id" AND se."userId" = ${userId})`);
  if (teaches) or.push(Sql.sql`EXISTS (SELECT 1 FROM "CourseTrainer" st WHERE st."courseId" = c."id" AND st."userId" = ${userId})`);
  if (adminPaths.length) {
    const within = Sql.join(
      adminPaths.map((p) => pathWithinSql("su", p)),
      " OR ",
    );
    or.push(Sql.sql`EXISTS (SELECT 1 FROM "Unit" su WHERE su."id" = c."unitId" AND (${within}))`);
  }
  return or.length ? Sql.sql`(${Sql.join(or, " OR ")})` : null;
}

/** One course the user reaches under `rule` (one query), or a thrown 404. */
export async function reachableCourse(auth: Auth, rawId: string | number | undefined, rule: RoleRule): Promise<ReachedCourse> {
  const id = idParam(rawId);
  const userId = auth.user.id;
  const rows = await readRows<{
    id: number;
    title: string;
    code: string;
    unitId: number;
    path: string;
    status: string;
    enrolmentId: number | bigint | null;
    teaches: number | bigint | boolean;
  }>`
    SELECT c."id" AS "id", c."title" AS "title", c."code" AS "code", c."unitId" AS "unitId", un."path" AS "path", c."status" AS "status",
      (SELECT e."id" FROM "Enrolment" e WHERE e."courseId" = c."id" AND e."userId" = ${userId}) AS "enrolmentId",
      (SELECT COUNT(*) FROM "CourseTrainer" ct WHERE ct."courseId" = c."id" AND ct."userId" = ${userId}) AS "teaches"
    FROM "Course" c JOIN "Unit" un ON un."id" = c."unitId"
    WHERE c."id" = ${id}`;
  const row = rows[0];
  if (!row) throw notFound();
  const via = courseVia(auth.user.grants, rule, { unitPath: row.path, enrolled: row.enrolmentId !== null, teaches: Number(row.teaches) > 0 });
  if (via.size === 0) throw notFound();
  const enrolled = LEARNING_ROLES.some((r) => via.has(r));
  return {
    id: Number(row.id),
    title: row.title,
    code: row.code,
    unitId: Number(row.unitId),
    unitPath: row.path,
    via,
    enrolled,
    enrolmentId: enrolled ? Number(row.enrolmentId) : null,
    teaches: via.has("trainer"),
    administers: via.has("admin"),
    archived: row.status === "ARCHIVED",
  };
}

/** The enrolment through which the user studies the reached course, for the actions that record progress; a 403 for those who only preview it, a 409 when the class is archived. */
export function studiedEnrolment(course: ReachedCourse): number {
  if (course.enrolmentId === null) throw forbidden();
  refuseIfArchived(course); // an archived class's results stay as they were
  return course.enrolmentId;
}

/**
 * The one guard of every change to a class (sessions, marks, rosters, enrolment, completion rule,
 * certificates, settings): an archived class is read-only, so a change is refused with a 409 that says so.
 * Reads, reports, statistics and certificate verification go through `reachableCourse` and still work.
 */
export function refuseIfArchived(course: { archived: boolean }): void {
  if (course.archived) throw archivedRefusal();
}

export function archivedRefusal(): Response {
  return new Response(t("class.archived.readOnly"), {
    status: 409,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** A course the user reaches under `rule` and may change now (not archived): else a thrown 404 or 409. */
export async function changeableCourse(auth: Auth, rawId: string | number | undefined, rule: RoleRule): Promise<ReachedCourse> {
  const course = await reachableCourse(auth, rawId, rule);
  refuseIfArchived(course);
  return course;
}

/** Does the reached course also satisfy another rule (e.g. a study page showing the class links)? */
export function courseAllows(course: ReachedCourse, rule: RoleRule): boolean {
  return rule.roles.some((r) => course.via.has(r));
}

/** A class session of a course the user reaches under `rule`, or a 404 (also for another course's session). */
export async function reachableSession(auth: Auth, params: { courseId?: string; sessionId?: string }, rule: RoleRule) {
  const course = await reachableCourse(auth, params.courseId, rule);
  const session = await db().classSession.findFirst({ where: { id: idParam(params.sessionId), courseId: course.id } });
  if (!session) throw notFound();
  return { course, session };
}

/** A learner's enrolment in a course the user reaches under `rule` (with who it is), or a 404 (also for another course's enrolment). */
export async function reachableEnrolment(auth: Auth, params: { courseId?: string; enrolmentId?: string }, rule: RoleRule) {
  const course = await reachableCourse(auth, params.courseId, rule);
  const enrolment = await db().enrolment.findFirst({
    where: { id: idParam(params.enrolmentId), courseId: course.id },
    select: { id: true, user: { select: { ...personContact, unit: { select: { name: true } } } } },
  });
  if (!enrolment) throw notFound();
  return { course, enrolment };
}

/** A local lesson of a course the user reaches under `rule`, or a 404 (also for another course's lesson). */
export async function reachableLocalLesson(auth: Auth, params: { courseId?: string; lessonId?: string }, rule: RoleRule) {
  const course = await reachableCourse(auth, params.courseId, rule);
  const lesson = await db().localLesson.findFirst({ where: { id: idParam(params.lessonId), courseId: course.id } });
  if (!lesson) throw notFound();
  return { course, lesson };
}

/** An attachment of a course the user reaches under `rule`, or a 404 — never a 403, which would tell it exists. */
export async function reachableAttachment(auth: Auth, params: { courseId?: string; fileId?: string }, rule: RoleRule) {
  const course = await reachableCourse(auth, params.courseId, rule);
  const attachment = await db().attachment.findFirst({ where: { id: idParam(params.fileId), courseId: course.id } });
  if (!attachment) throw notFound();
  return { course, attachment };
}

/** `reachableSession` for a change: the session's class must not be archived (a thrown 409). */
export async function changeableSession(auth: Auth, params: { courseId?: string; sessionId?: string }, rule: RoleRule) {
  const found = await reachableSession(auth, params, rule);
  refuseIfArchived(found.course);
  return found;
}

/** A certificate by code: its holder, or someone who reaches its course under `manageRule`; else 404. */
export async function reachableCertificate(auth: Auth, code: string | null, manageRule: RoleRule) {
  const cert = code ? await db().certificate.findUnique({ where: { code } }) : null;
  if (!cert) throw notFound();
  if (cert.userId !== auth.user.id) await reachableCourse(auth, cert.courseId, manageRule);
  return cert;
}

// ───────────── organisations, ideas, plans ─────────────

/** Producer organisations the user reaches: their own (producer), those within their units (officers). */
export function orgWhere(auth: Auth, rule: RoleRule): Prisma.ProducerOrgWhereInput {
  const held = rolesFor(auth.user.grants, rule);
  const or: Prisma.ProducerOrgWhereInput[] = [];
  if (held.has("producer")) or.push({ ownerId: auth.user.id });
  const paths = unitPathsFor(auth.user.grants, rule, ["appraiser", "admin"]);
  if (paths.length) or.push({ unit: { OR: pathWithin(paths) } });
  return or.length ? { OR: or } : NOTHING;
}

/** Plans the user reaches: owned (producer) or invited to while a draft (consultant). */
export function planWhere(auth: Auth, rule: RoleRule): Prisma.BusinessPlanWhereInput {
  const held = rolesFor(auth.user.grants, rule);
  const userId = auth.user.id;
  const or: Prisma.BusinessPlanWhereInput[] = [];
  if (held.has("producer")) or.push({ org: { ownerId: userId } });
  if (held.has("consultant")) or.push({ invites: { some: { userId } }, status: { in: [...CONSULTANT_STATUSES] } });
  return or.length ? { OR: or } : NOTHING;
}

const planInclude = {
  org: { include: { unit: { select: { id: true, name: true, path: true } } } },
  steps: true,
  invites: { include: { user: { select: { id: true, fullName: true, email: true, phone: true } } } },
} satisfies Prisma.BusinessPlanInclude;

/** One plan with its organisation, steps and invites (one query), or a thrown 404. */
export async function reachablePlan(auth: Auth, rawId: string | undefined, rule: RoleRule) {
  const plan = await db().businessPlan.findUnique({ where: { id: idParam(rawId) }, include: planInclude });
  if (!plan) throw notFound();
  const via: PlanVia | null = planVia(auth.user.grants, rule, auth.user.id, {
    ownerId: plan.org.ownerId,
    invited: plan.invites.some((i) => i.userId === auth.user.id),
    status: plan.status,
  });
  if (!via) throw notFound();
  return { plan, via };
}

/** For autosaves: the plan's id and status when the user reaches it under `rule` (one light query), else 404. */
export async function reachablePlanStatus(auth: Auth, rawId: string | undefined, rule: RoleRule) {
  const plan = await db().businessPlan.findFirst({ where: { AND: [{ id: idParam(rawId) }, planWhere(auth, rule)] }, select: { id: true, status: true } });
  if (!plan) throw notFound();
  return plan;
}

// ───────────── appraisal cases ─────────────

/**
 * Cases the user reaches. `acting`: only those they act on now (the appraiser's queue: open, at
 * the level of one of their grants, within that grant's unit); else those they may read.
 */
export function caseWhere(auth: Auth, rule: RoleRule, opts: { acting?: boolean } = {}): Prisma.AppraisalCaseWhereInput {
  const grants = auth.user.grants.filter((g) => rule.roles.includes(g.role));
  const or: Prisma.AppraisalCaseWhereInput[] = grants.map((g) =>
    g.role === "appraiser" && opts.acting
      ? { status: "SUBMITTED", level: g.unitLevel, unitPath: { startsWith: g.unitPath } }
      : { unitPath: { startsWith: g.unitPath } },
  );
  return or.length ? { OR: or } : { planId: { in: [] } };
}

/** One case the user may read under `rule` (its producer's unit lies within theirs); else a thrown 404. */
export async function reachableCase(auth: Auth, rawId: string | number | undefined, rule: RoleRule) {
  const c = await db().appraisalCase.findUnique({ where: { planId: idParam(rawId) } });
  if (!c || !covers(unitPathsFor(auth.user.grants, rule), c.unitPath)) throw notFound();
  return c;
}

/** Does the user act on the case now — decide and comment (open, at their level, within their unit)? */
export function actsOnCase(auth: Auth, c: { level: string; unitPath: string; status: string }): boolean {
  return appraiserActs(auth.user.grants, c);
}

// ───────────── people ─────────────

/** People an admin may act on: their home unit and every role they hold lie within the admin's units. */
export function personWhere(auth: Auth, rule: RoleRule): Prisma.UserWhereInput {
  const paths = reachableUnitPaths(auth, rule);
  if (paths.length === 0) return NOTHING;
  return { unit: { OR: pathWithin(paths) }, roles: { every: { unit: { OR: pathWithin(paths) } } } };
}

/** One person the admin may act on (see `personWhere`), with roles; else a thrown 404. */
export async function reachablePerson(auth: Auth, rawId: string | undefined, rule: RoleRule) {
  const user = await db().user.findUnique({
    where: { id: idParam(rawId) },
    select: {
      ...personContact,
      active: true,
      position: true,
      unit: { select: { id: true, name: true, path: true } },
      roles: { select: { id: true, role: true, unit: { select: { id: true, name: true, path: true } } }, orderBy: { id: "asc" } },
    },
  });
  const paths = reachableUnitPaths(auth, rule);
  if (!user || !coversPerson(paths, { unitPath: user.unit?.path ?? null, rolePaths: user.roles.map((r) => r.unit.path) })) throw notFound();
  return user;
}
