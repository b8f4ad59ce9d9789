import { getOutline } from "~/content/outline.server";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { issueCertificate } from "./certificates.server";
import { learnerCompletionFacts } from "./facts.server";
import { type Completion, evaluateCompletion, ruleFromRow } from "./rule";

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

/** One course of the learner with its completion and the certificate held, if any. */
type LearnerCourse = {
  courseId: number;
  title: string;
  startsOn: Date;
  endsOn: Date;
  completion: Completion;
  certificate: { code: string; revokedAt: Date | string | null; revokedReason: string | null } | null;
};

/**
 * Every course of the learner, newest first, with its completion and certificate. Three queries
 * whatever the number of courses (the home page calls this on every visit): the courses with their
 * rule and the learner's certificate in one join, and the batched completion facts.
 */
async function learnerCourses(userId: number, now: Date): Promise<{ courses: LearnerCourse[]; titleOf: Map<string, string> }> {
  const [rows, factsByCourse, outline] = await Promise.all([
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
  const courses = rows.map((course) => {
    const courseId = Number(course.id);
    // a course enrolled in after the facts were read has no sessions attended yet
    const facts = factsByCourse.get(courseId) ?? { sessionsHeld: 0, sessionsAttended: 0, passedModules: [] };
    const rule =
      course.minAttendancePercent === null
        ? null
        : { minAttendancePercent: Number(course.minAttendancePercent), requiredModules: course.requiredModules ?? "" };
    return {
      courseId,
      title: course.title,
      startsOn: new Date(course.startsOn),
      endsOn: new Date(course.endsOn),
      completion: evaluateCompletion(
        ruleFromRow(rule),
        facts,
        quizModules.map((m) => m.slug),
      ),
      certificate: course.code === null ? null : { code: course.code, revokedAt: course.revokedAt, revokedReason: course.revokedReason },
    };
  });
  return { courses, titleOf: new Map(quizModules.map((m) => [m.slug, m.title])) };
}

/**
 * For each course of the learner, newest first: the certificate held, otherwise what is still missing.
 * Reads only: certificates are issued by the actions that complete a requirement (`issueEarned`).
 */
export async function myCertificates(userId: number, now = new Date()): Promise<MyCertificate[]> {
  const { courses, titleOf } = await learnerCourses(userId, now);
  return courses.map(({ completion, certificate: cert, ...course }) => ({
    ...course,
    certificate: cert ? { code: cert.code, revoked: cert.revokedAt ? (cert.revokedReason ?? "") : null } : null,
    missing: completion.missing.map((m) =>
      m.kind === "quiz"
        ? t("cert.mine.missingQuiz", { module: titleOf.get(m.module) ?? m.module })
        : m.noSessions
          ? t("cert.mine.noSessions")
          : t("cert.mine.missingAttendance", { rate: m.ratePercent, required: m.requiredPercent }),
    ),
  }));
}

/**
 * Issues every certificate the learner has earned and does not hold yet, in any of their classes
 * (each class counts its own quizzes and sessions). Called by the actions that can complete a learner's last
 * requirement; issuing is idempotent, so a repeated call issues nothing twice. Returns how many.
 */
export async function issueEarned(userId: number, now = new Date()): Promise<number> {
  const { courses } = await learnerCourses(userId, now);
  const due = courses.filter((c) => c.completion.complete && !c.certificate);
  let issued = 0;
  for (const course of due) if ((await issueCertificate(course.courseId, userId, null)).ok) issued++;
  return issued;
}
