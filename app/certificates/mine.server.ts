import { getOutline } from "~/content/outline.server";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { issueCertificate } from "./certificates.server";
import { learnerCompletionFacts } from "./facts.server";
import { evaluateCompletion, ruleFromRow } from "./rule";

export type MyCertificate = {
  courseId: number;
  title: string;
  startsOn: Date;
  endsOn: Date;
  certificate: { code: string; revoked: string | null } | null;
  /** what is still missing, in words */
  missing: string[];
};

type CourseRow = {
  id: number | bigint;
  title: string;
  startsOn: Date | string;
  endsOn: Date | string;
  minAttendancePercent: number | bigint | null;
  requiredModules: string | null;
  code: string | null;
  revokedAt: Date | string | null;
  revokedReason: string | null;
};

/**
 * For each course of the learner, newest first: the certificate when the rule is met (issued the
 * first time the learner looks — issuing is idempotent), otherwise what is still missing. Three
 * queries whatever the number of courses (the home page calls this on every visit): the courses
 * with their rule and the learner's certificate in one join, and the batched completion facts.
 */
export async function myCertificates(userId: number, now = new Date()): Promise<MyCertificate[]> {
  const [courses, factsByCourse, outline] = await Promise.all([
    db().$queryRaw<CourseRow[]>`
      SELECT c."id" AS "id", c."title" AS "title", c."startsOn" AS "startsOn", c."endsOn" AS "endsOn",
        r."minAttendancePercent" AS "minAttendancePercent", r."requiredModules" AS "requiredModules",
        ce."code" AS "code", ce."revokedAt" AS "revokedAt", ce."revokedReason" AS "revokedReason"
      FROM "Enrolment" e
      JOIN "Course" c ON c."id" = e."courseId"
      LEFT JOIN "CompletionRule" r ON r."courseId" = c."id"
      LEFT JOIN "Certificate" ce ON ce."courseId" = c."id" AND ce."userId" = e."userId"
      WHERE e."userId" = ${userId}
      ORDER BY c."startsOn" DESC, c."id" DESC`,
    learnerCompletionFacts(userId, now),
    getOutline(),
  ]);
  const quizModules = outline.filter((m) => m.hasQuiz);
  const titleOf = new Map(quizModules.map((m) => [m.slug, m.title]));
  const items: MyCertificate[] = [];
  for (const course of courses) {
    const courseId = Number(course.id);
    // a course enrolled in after the facts were read has no sessions attended yet
    const facts = factsByCourse.get(courseId) ?? { sessionsHeld: 0, sessionsAttended: 0, passedModules: [] };
    const rule = course.minAttendancePercent === null ? null : { minAttendancePercent: Number(course.minAttendancePercent), requiredModules: course.requiredModules ?? "" };
    const completion = evaluateCompletion(ruleFromRow(rule), facts, quizModules.map((m) => m.slug));
    let cert: { code: string; revokedAt: Date | string | null; revokedReason: string | null } | null =
      course.code === null ? null : { code: course.code, revokedAt: course.revokedAt, revokedReason: course.revokedReason };
    if (!cert && completion.complete) {
      const outcome = await issueCertificate(courseId, userId, null);
      if (outcome.ok) cert = outcome.certificate;
    }
    items.push({
      courseId,
      title: course.title,
      startsOn: new Date(course.startsOn),
      endsOn: new Date(course.endsOn),
      certificate: cert ? { code: cert.code, revoked: cert.revokedAt ? (cert.revokedReason ?? "") : null } : null,
      missing: completion.missing.map((m) =>
        m.kind === "quiz"
          ? t("cert.mine.missingQuiz", { module: titleOf.get(m.module) ?? m.module })
          : m.noSessions
            ? t("cert.mine.noSessions")
            : t("cert.mine.missingAttendance", { rate: m.ratePercent, required: m.requiredPercent }),
      ),
    });
  }
  return items;
}
