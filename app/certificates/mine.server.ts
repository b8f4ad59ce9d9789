import { getOutline } from "~/content/outline.server";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { issueCertificate } from "./certificates.server";
import { completionFacts } from "./facts.server";
import { evaluateCompletion, ruleFromRow } from "./rule";

export type MyCertificate = {
  courseId: number;
  title: string;
  certificate: { code: string; revoked: string | null } | null;
  /** what is still missing, in words */
  missing: string[];
};

/**
 * For each course of the learner: the certificate when the rule is met (issued the first time
 * the learner looks — issuing is idempotent), otherwise what is still missing.
 */
export async function myCertificates(userId: number): Promise<MyCertificate[]> {
  const [courses, outline] = await Promise.all([
    db().course.findMany({
      where: { enrolments: { some: { userId } } },
      select: { id: true, title: true, completionRule: true, certificates: { where: { userId }, select: { code: true, revokedAt: true, revokedReason: true } } },
      orderBy: { startsOn: "desc" },
    }),
    getOutline(),
  ]);
  const quizModules = outline.filter((m) => m.hasQuiz);
  const titleOf = new Map(quizModules.map((m) => [m.slug, m.title]));
  const items: MyCertificate[] = [];
  for (const course of courses) {
    const facts = (await completionFacts(course.id, [userId])).get(userId)!;
    const completion = evaluateCompletion(ruleFromRow(course.completionRule), facts, quizModules.map((m) => m.slug));
    let cert = course.certificates[0] ?? null;
    if (!cert && completion.complete) cert = await issueCertificate(course.id, userId, null);
    items.push({
      courseId: course.id,
      title: course.title,
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
