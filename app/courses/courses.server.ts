import { reachesNothing } from "~/access/access.server";
import { getOutline } from "~/content/outline.server";
import { Prisma } from "../../generated/prisma/client";
import { db } from "~/db/db.server";
import { pathWithinSql } from "~/units/units.server";
import { isUniqueViolation } from "~/db/errors";
import { formatDate, formatTime, vnYearRange } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { type Admission, type AdmissionRefusal, admissionRefusal } from "./rules";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** Courses within a scope (a fragment from app/access), newest first. */
export function coursesIn(where: Prisma.CourseWhereInput) {
  if (reachesNothing(where)) return Promise.resolve([]);
  return db().course.findMany({
    where,
    orderBy: { startsOn: "desc" },
    select: { id: true, code: true, title: true, startsOn: true, endsOn: true, status: true },
  });
}

type ClassRow = {
  id: number | bigint;
  code: string;
  title: string;
  startsOn: Date | string;
  endsOn: Date | string;
  status: string;
  enrolmentCode: string;
  enrolmentOpen: boolean | number | bigint;
  unitName: string;
  unitPath: string;
  learners: number | bigint;
};

/**
 * The classes of a scope (an SQL condition from app/access on a course aliased `c`) that also meet `filters`,
 * newest first, each with its organising unit and number of learners: one raw query, whatever the number of
 * classes (a correlated count over the enrolment index, for these classes only). Prisma would compile a plan anew
 * for the model query and each relation, most of a class list's time (decisions 0053, 0055).
 */
async function classRows(scope: Prisma.Sql, filters: Prisma.Sql[] = []) {
  const rows = await db().$queryRaw<ClassRow[]>`
    SELECT c."id" AS "id", c."code" AS "code", c."title" AS "title", c."startsOn" AS "startsOn", c."endsOn" AS "endsOn",
      c."status" AS "status", c."enrolmentCode" AS "enrolmentCode", c."enrolmentOpen" AS "enrolmentOpen",
      u."name" AS "unitName", u."path" AS "unitPath",
      (SELECT COUNT(*) FROM "Enrolment" e WHERE e."courseId" = c."id") AS "learners"
    FROM "Course" c JOIN "Unit" u ON u."id" = c."unitId"
    WHERE ${Prisma.join([scope, ...filters], " AND ")}
    ORDER BY c."startsOn" DESC, c."id" DESC`;
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    title: r.title,
    startsOn: new Date(r.startsOn),
    endsOn: new Date(r.endsOn),
    status: r.status,
    enrolmentCode: r.enrolmentCode,
    enrolmentOpen: r.enrolmentOpen === true || Number(r.enrolmentOpen) === 1,
    learners: Number(r.learners),
    unit: { name: r.unitName, path: r.unitPath },
  }));
}

/** How many learners one class has (an index count). */
export function learnerCount(courseId: number, client: Client = db()): Promise<number> {
  return client.enrolment.count({ where: { courseId } });
}

/** Classes within a scope (a trainer's: `courseScopeSql`), with the size of each class and its enrolment code. */
export async function classesIn(scope: Prisma.Sql | null) {
  return scope ? classRows(scope) : [];
}

export function countCourses(where: Prisma.CourseWhereInput) {
  return reachesNothing(where) ? Promise.resolve(0) : db().course.count({ where });
}

/**
 * The modules a class teaches, as content slugs in the class's order. A class without rows (made before
 * classes chose their modules, or by a fixture) teaches every shipped module in the shipped order.
 */
export async function courseModules(courseId: number, client: Client = db()): Promise<string[]> {
  // raw: every class page and lesson reads it, and Prisma compiles a query plan anew for each model query
  const rows = await client.$queryRaw<{ module: string }[]>`SELECT "module" FROM "CourseModule" WHERE "courseId" = ${courseId} ORDER BY "position"`;
  if (rows.length) return rows.map((r) => r.module);
  return (await getOutline()).map((m) => m.slug);
}

/** The class's outline: only the modules it teaches, in its order (for the class page and its lessons). */
export async function courseOutline(courseId: number) {
  const [outline, slugs] = await Promise.all([getOutline(), courseModules(courseId)]);
  return slugs.flatMap((slug) => outline.filter((m) => m.slug === slug));
}

/** Who may still enter a class: archived, capacity, current size and audience (read in the caller's transaction). */
export async function admissionOf(client: Client, courseId: number): Promise<Admission | null> {
  const course = await client.course.findUnique({
    where: { id: courseId },
    select: {
      status: true,
      capacity: true,
      unit: { select: { path: true } },
      audience: { select: { unit: { select: { path: true } } } },
    },
  });
  if (!course) return null;
  return {
    archived: course.status === "ARCHIVED",
    capacity: course.capacity,
    enrolled: await learnerCount(courseId, client),
    organiserPath: course.unit.path,
    audiencePaths: course.audience.map((a) => a.unit.path),
  };
}

/** An open course by its enrolment code (for self-registration): not ended more than a day ago. */
export function courseByEnrolmentCode(code: string, now = new Date()) {
  return db().course.findFirst({
    where: { enrolmentCode: code, endsOn: { gte: new Date(now.getTime() - 24 * 3600 * 1000) } },
    select: { id: true, title: true, unitId: true, enrolmentOpen: true, unit: { select: { path: true } } },
  });
}

export type JoinOutcome = { ok: true; courseId: number } | { ok: false; reason: "unknown" | "closed" | AdmissionRefusal };

/**
 * Enrols the signed-in person with an open class's enrolment code (their own choice, never a trainer's),
 * when the code is open and the class admits them: not archived, their unit in its audience, room left.
 */
export async function joinCourse(userId: number, code: string, now = new Date()): Promise<JoinOutcome> {
  const course = await courseByEnrolmentCode(code, now);
  if (!course) return { ok: false, reason: "unknown" };
  if (!course.enrolmentOpen) return { ok: false, reason: "closed" };
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.enrolment.findUnique({ where: { courseId_userId: { courseId: course.id, userId } }, select: { id: true } });
      if (existing) return { ok: true, courseId: course.id } as const;
      const [admission, person] = await Promise.all([
        admissionOf(tx, course.id),
        tx.user.findUnique({ where: { id: userId }, select: { unit: { select: { path: true } } } }),
      ]);
      const refusal = admission ? admissionRefusal(admission, [person?.unit?.path ?? null]) : "archived";
      if (refusal) return { ok: false, reason: refusal } as const;
      await tx.enrolment.create({ data: { courseId: course.id, userId, createdAt: now } });
      return { ok: true, courseId: course.id } as const;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // a double click: enrolled once
    return { ok: true, courseId: course.id };
  }
}

export const CLASS_STATUSES = ["ACTIVE", "ARCHIVED"] as const;
export type ClassFilter = { year: number | null; unitId: number | null; status: (typeof CLASS_STATUSES)[number] | null };

/** The class list's filters from its query (`?nam=2027&don-vi=12&trang-thai=ARCHIVED`); an unknown value means "any". */
export function classFilter(query: URLSearchParams): ClassFilter {
  const year = Number(query.get("nam"));
  const unit = query.get("don-vi") ?? "";
  const status = query.get("trang-thai");
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    unitId: /^\d{1,9}$/.test(unit) ? Number(unit) : null,
    status: CLASS_STATUSES.find((s) => s === status) ?? null,
  };
}

/** The unit paths that organise a class within a scope (the class list's unit filter offers these and their parents). */
async function organisingPaths(scope: Prisma.Sql): Promise<string[]> {
  const rows = await db().$queryRaw<{ path: string }[]>`
    SELECT DISTINCT u."path" AS "path" FROM "Course" c JOIN "Unit" u ON u."id" = c."unitId" WHERE ${scope}`;
  return rows.map((r) => r.path);
}

/** Classes within a scope that match the filters: running during the year, organised by the unit or below it, by status. */
async function filteredClasses(scope: Prisma.Sql, filter: ClassFilter) {
  const filters: Prisma.Sql[] = [];
  if (filter.year !== null) {
    const { from, to } = vnYearRange(filter.year);
    filters.push(Prisma.sql`c."startsOn" < ${to} AND c."endsOn" >= ${from}`);
  }
  if (filter.unitId !== null) {
    const [unit] = await db().$queryRaw<{ path: string }[]>`SELECT "path" FROM "Unit" WHERE "id" = ${filter.unitId}`;
    filters.push(unit ? pathWithinSql("u", unit.path) : Prisma.sql`1 = 0`);
  }
  if (filter.status) filters.push(Prisma.sql`c."status" = ${filter.status}`);
  return classRows(scope, filters);
}

/** An admin's class list, filtered, with the unit paths that organise any class of the scope (for the unit filter). */
export async function managedClasses(scope: Prisma.Sql | null, filter: ClassFilter) {
  if (!scope) return { classes: [], organising: [] };
  const classes = await filteredClasses(scope, filter);
  const unfiltered = filter.year === null && filter.unitId === null && filter.status === null;
  // unfiltered, the list holds every class of the scope already
  const organising = unfiltered ? [...new Set(classes.map((c) => c.unit.path))] : await organisingPaths(scope);
  return { classes, organising };
}

/** The message of a refused admission (joining, a roster, one learner added). */
export function admissionMessage(refusal: AdmissionRefusal | "closed" | "unknown"): string {
  const keys = {
    unknown: "modules.join.unknown",
    closed: "modules.join.closed",
    full: "modules.join.full",
    notAudience: "modules.join.notAudience",
    archived: "class.archived.readOnly",
  } as const;
  return t(keys[refusal]);
}

/** The home page's headings of a learner's classes (texts of the classes catalogue, which the home page does not download). */
export const learnerClassHeadings = () => ({ current: t("home.learner.current"), past: t("home.learner.past") });

/** "Next session: 05/01/2027 08:00 · Hall" (or that none is planned), for a class that has not ended. */
export function nextSessionText(next: { startsAt: Date; place: string } | null): string {
  if (!next) return t("home.learner.noSession");
  return t("home.learner.nextSession", { when: `${formatDate(next.startsAt)} ${formatTime(next.startsAt)}${next.place ? ` · ${next.place}` : ""}` });
}

/** A learner's classes with the next scheduled session of each (the home page: current and past). */
export async function learnerClasses(userId: number, now = new Date()) {
  const courses = await db().course.findMany({
    where: { enrolments: { some: { userId } } },
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      status: true,
      classSessions: {
        where: { status: "SCHEDULED", endsAt: { gte: now } },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { startsAt: true, endsAt: true, place: true },
      },
    },
  });
  return courses.map(({ classSessions, ...c }) => ({ ...c, next: classSessions[0] ?? null, past: c.status === "ARCHIVED" || c.endsOn < now }));
}
