import { randomCode } from "~/ops/codes";
import { getOutline } from "~/content/outline.server";
import { newSecret } from "~/attendance/checkin-code";
import { type Prisma, db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import type { FieldErrors } from "~/forms/parse";
import { vnDay } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { releaseFiles } from "~/materials/materials.server";
import { indentedLabel } from "~/units/tree";
import "~/i18n/classes";
import { courseModules, learnerCount } from "./courses.server";
import type { ClassFields } from "./schemas.server";
import { classProblems, requiredWithin, shiftDays, shifted } from "./rules";

/**
 * Running classes: create, edit, archive, copy, the enrolment code, the trainers. Every write that names a
 * unit or a person is scoped by fragments from app/access (`unitWhere`, `personWhere`): the capability
 * refuses what lies outside them with a message at the field, and writes nothing.
 */
export type ClassScope = { units: Prisma.UnitWhereInput; people: Prisma.UserWhereInput };
/** A refusal's status: 403 when something named lies outside the admin's scope (as app/access answers), else 422. */
export type ClassWrite = { ok: true; id: number } | { ok: false; errors: FieldErrors; status: 403 | 422 };

type Tx = Prisma.TransactionClient;
class Refused extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: 403 | 422 = 422,
  ) {
    super("refused");
  }
}

/** A fresh enrolment code (8 characters of the code alphabet); the caller retries on the rare collision. */
export const newEnrolmentCode = () => randomCode(8);

async function knownModules() {
  return (await getOutline()).map((m) => m.slug);
}

/** Checks a class's fields inside the transaction; throws `Refused` with every field's message. */
async function check(tx: Tx, scope: ClassScope, input: ClassFields, ctx: { courseId: number | null }) {
  const [unit, audience, enrolled, codeOwner, known] = await Promise.all([
    tx.unit.findFirst({ where: { AND: [{ id: input.unitId }, scope.units] }, select: { id: true } }),
    input.audience.length ? tx.unit.count({ where: { AND: [{ id: { in: input.audience } }, scope.units] } }) : 0,
    ctx.courseId ? tx.enrolment.count({ where: { courseId: ctx.courseId } }) : 0,
    tx.course.findUnique({ where: { code: input.code }, select: { id: true } }),
    knownModules(),
  ]);
  const errors: FieldErrors = {};
  if (!unit) errors.unitId = t("classes.error.unitOutside");
  if (audience !== input.audience.length) errors.audience = t("classes.error.audienceOutside");
  if (codeOwner && codeOwner.id !== ctx.courseId) errors.code = t("classes.error.codeTaken");
  const problems = classProblems(input, known, enrolled);
  if (problems.endsOn) errors.endsOn = t("classes.error.endBeforeStart");
  if (problems.capacity) errors.capacity = t("classes.error.capacityBelowEnrolment", { count: enrolled });
  if (problems.modules) errors.modules = t(problems.modules === "noModule" ? "classes.error.noModule" : "classes.error.unknownModule");
  if (Object.keys(errors).length) throw new Refused(errors, errors.unitId || errors.audience ? 403 : 422);
}

const details = (input: ClassFields) => ({
  title: input.title,
  code: input.code,
  description: input.description,
  unitId: input.unitId,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  place: input.place,
  capacity: input.capacity,
});

const moduleRows = (modules: readonly string[]) => modules.map((module, i) => ({ module, position: i + 1 }));

/** Runs a write; a refusal or a code taken by a request that ran at the same moment is an answer, not a 500. */
async function refusable(write: () => Promise<number>): Promise<ClassWrite> {
  try {
    return { ok: true, id: await write() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors, status: error.status };
    if (isUniqueViolation(error)) return { ok: false, errors: { code: t("classes.error.codeTaken") }, status: 422 };
    throw error;
  }
}

export function createClass(scope: ClassScope, input: ClassFields): Promise<ClassWrite> {
  return refusable(() =>
    db().$transaction(async (tx) => {
      await check(tx, scope, input, { courseId: null });
      const course = await tx.course.create({
        data: {
          ...details(input),
          enrolmentCode: newEnrolmentCode(),
          modules: { create: moduleRows(input.modules) },
          audience: { create: input.audience.map((unitId) => ({ unitId })) },
        },
        select: { id: true },
      });
      return course.id;
    }),
  );
}

/** Saves a class's details, audience and modules; the completion rule keeps only modules the class still teaches. */
export function updateClass(scope: ClassScope, courseId: number, input: ClassFields): Promise<ClassWrite> {
  return refusable(() =>
    db().$transaction(async (tx) => {
      await check(tx, scope, input, { courseId });
      await tx.course.update({ where: { id: courseId }, data: details(input) });
      await tx.courseModule.deleteMany({ where: { courseId } });
      await tx.courseModule.createMany({ data: moduleRows(input.modules).map((r) => ({ ...r, courseId })) });
      await tx.courseAudience.deleteMany({ where: { courseId } });
      if (input.audience.length) await tx.courseAudience.createMany({ data: input.audience.map((unitId) => ({ courseId, unitId })) });
      const rule = await tx.completionRule.findUnique({ where: { courseId }, select: { requiredModules: true } });
      if (rule) await tx.completionRule.update({ where: { courseId }, data: { requiredModules: requiredWithin(rule.requiredModules, input.modules) } });
      return courseId;
    }),
  );
}

/** Archive (read-only from now on) or bring back an archived class (an office that archived by mistake). */
export async function setArchived(courseId: number, archived: boolean, now = new Date()) {
  await db().course.update({ where: { id: courseId }, data: archived ? { status: "ARCHIVED", archivedAt: now } : { status: "ACTIVE", archivedAt: null } });
}

/**
 * Deletes a class and everything it holds (the database cascades: sessions, enrolments, progress, materials),
 * then the files only its attachments had. Archive a class to keep it (0031); this is for one that must go.
 */
export async function deleteClass(courseId: number): Promise<boolean> {
  const files = await db().$transaction(async (tx) => {
    const rows = await tx.attachment.findMany({ where: { courseId }, select: { storageName: true } });
    const { count } = await tx.course.deleteMany({ where: { id: courseId } });
    return count ? rows.map((r) => r.storageName) : null;
  });
  if (!files) return false;
  await releaseFiles(files);
  return true;
}

/** A new enrolment code (the old one stops working) and the code open again. */
export async function rotateEnrolmentCode(courseId: number): Promise<string> {
  for (;;) {
    const code = newEnrolmentCode();
    try {
      await db().course.update({ where: { id: courseId }, data: { enrolmentCode: code, enrolmentOpen: true } });
      return code;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

export async function closeEnrolmentCode(courseId: number) {
  await db().course.update({ where: { id: courseId }, data: { enrolmentOpen: false } });
}

/** The scheduled expiry of enrolment codes: a class that ended more than a day ago takes no one (joining refuses it already; this shows it). */
export async function closeEndedEnrolments(at = new Date()): Promise<number> {
  const ended = new Date(at.getTime() - 24 * 3600 * 1000);
  const { count } = await db().course.updateMany({ where: { enrolmentOpen: true, endsOn: { lt: ended } }, data: { enrolmentOpen: false } });
  return count;
}

export type TrainerWrite = { ok: true } | { ok: false; errors: FieldErrors; status: 403 };

/**
 * Assigns a person in the admin's scope to teach the class. The trainer role is granted at the class's unit
 * when the person lacks it; what it reaches is still only the classes they teach (app/access: a trainer
 * reaches a course through `CourseTrainer`), so a trainer of class A can do nothing in class B.
 */
export async function addTrainer(scope: ClassScope, course: { id: number; unitId: number }, userId: number): Promise<TrainerWrite> {
  return db().$transaction(async (tx) => {
    const person = await tx.user.findFirst({ where: { AND: [{ id: userId, active: true }, scope.people] }, select: { id: true } });
    if (!person) return { ok: false, errors: { userId: t("classes.error.trainerOutside") }, status: 403 };
    await tx.courseTrainer.upsert({ where: { courseId_userId: { courseId: course.id, userId } }, create: { courseId: course.id, userId }, update: {} });
    const hasRole = await tx.roleAssignment.findFirst({ where: { userId, role: "trainer" }, select: { id: true } });
    if (!hasRole) await tx.roleAssignment.create({ data: { userId, role: "trainer", unitId: course.unitId } });
    return { ok: true };
  });
}

/** Takes a person off the class (their trainer role stays: it reaches no class they do not teach). */
export async function removeTrainer(courseId: number, userId: number): Promise<boolean> {
  const { count } = await db().courseTrainer.deleteMany({ where: { courseId, userId } });
  return count > 0;
}

/**
 * Copies a class for a new run: settings, audience, modules, trainers, completion rule and the scheduled
 * sessions, moved so the first session falls on the new start day (the class's dates move with its start).
 * No learners, no attendance, no certificates; a new class code and enrolment code.
 */
export function copyClass(courseId: number, input: { startsOn: string; code: string }): Promise<ClassWrite> {
  return refusable(() =>
    db().$transaction(async (tx) => {
      const from = await tx.course.findUniqueOrThrow({
        where: { id: courseId },
        include: {
          modules: true,
          audience: true,
          trainers: true,
          completionRule: true,
          classSessions: { where: { status: "SCHEDULED" }, orderBy: { startsAt: "asc" } },
        },
      });
      if (await tx.course.findUnique({ where: { code: input.code }, select: { id: true } })) throw new Refused({ code: t("classes.error.codeTaken") });
      const courseDays = shiftDays(vnDay(from.startsOn), input.startsOn);
      const first = from.classSessions[0];
      const sessionDays = first ? shiftDays(vnDay(first.startsAt), input.startsOn) : courseDays;
      const copy = await tx.course.create({
        data: {
          code: input.code,
          title: from.title,
          description: from.description,
          unitId: from.unitId,
          place: from.place,
          capacity: from.capacity,
          startsOn: shifted(from.startsOn, courseDays),
          endsOn: shifted(from.endsOn, courseDays),
          enrolmentCode: newEnrolmentCode(),
          modules: { create: moduleRows(await courseModules(courseId, tx)) },
          audience: { create: from.audience.map(({ unitId }) => ({ unitId })) },
          trainers: { create: from.trainers.map(({ userId }) => ({ userId })) },
          completionRule: from.completionRule
            ? { create: { minAttendancePercent: from.completionRule.minAttendancePercent, requiredModules: from.completionRule.requiredModules } }
            : undefined,
        },
        select: { id: true },
      });
      if (from.classSessions.length)
        await tx.classSession.createMany({
          data: from.classSessions.map((s) => ({
            courseId: copy.id,
            title: s.title,
            place: s.place,
            trainerId: s.trainerId,
            startsAt: shifted(s.startsAt, sessionDays),
            endsAt: shifted(s.endsAt, sessionDays),
            checkinSecret: newSecret(),
            rotateSeconds: s.rotateSeconds,
            graceBeforeMin: s.graceBeforeMin,
            graceAfterMin: s.graceAfterMin,
            lateAfterMin: s.lateAfterMin,
          })),
        });
      return copy.id;
    }),
  );
}

/** What the settings page shows: the class, its audience, modules, trainers and enrolment. */
export async function classSettings(courseId: number) {
  const course = await db().course.findUniqueOrThrow({
    where: { id: courseId },
    include: {
      audience: { select: { unitId: true } },
      modules: { orderBy: { position: "asc" } },
      trainers: { include: { user: { select: { id: true, fullName: true, phone: true, email: true } } }, orderBy: { userId: "asc" } },
    },
  });
  return { ...course, learners: await learnerCount(courseId) };
}

/** The class form's choices: units in the admin's scope (indented), and every module with its place in the class. */
export async function classFormChoices(units: readonly { id: number; name: string; depth: number }[], taught: readonly string[]) {
  const outline = await getOutline();
  return {
    units: units.map((u) => ({ value: String(u.id), label: indentedLabel(u.name, u.depth) })),
    modules: outline.map((m) => ({ slug: m.slug, title: m.title, position: taught.includes(m.slug) ? String(taught.indexOf(m.slug) + 1) : "" })),
  };
}

/** A class's fields as the form's text values (to fill the form, or refill it after a refusal). */
export function classFormValues(c: {
  title: string;
  code: string;
  description: string;
  unitId: number;
  startsOn: Date;
  endsOn: Date;
  place: string;
  capacity: number | null;
  modules: readonly string[];
}): Record<string, string> {
  const values: Record<string, string> = {
    title: c.title,
    code: c.code,
    description: c.description,
    unitId: String(c.unitId),
    startsOn: vnDay(c.startsOn),
    endsOn: vnDay(c.endsOn),
    place: c.place,
    capacity: c.capacity === null ? "" : String(c.capacity),
  };
  for (const [i, m] of c.modules.entries()) values[`position.${m}`] = String(i + 1);
  return values;
}
