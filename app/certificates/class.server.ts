import { db } from "~/db/db.server";
import { getOutline } from "~/content/outline.server";
import { completionFacts } from "./facts.server";
import { type Completion, evaluateCompletion, ruleFromRow } from "./rule";

export type ClassCertificateRow = {
  userId: number;
  fullName: string;
  unit: string;
  completion: Completion;
  certificate: { code: string; revoked: boolean } | null;
};

/** The course's rule, and every enrolled learner's completion and certificate (a handful of queries). */
export async function classCertificates(courseId: number, now = new Date()) {
  const [ruleRow, enrolments, certificates, outline] = await Promise.all([
    db().completionRule.findUnique({ where: { courseId } }),
    db().enrolment.findMany({
      where: { courseId },
      select: { user: { select: { id: true, fullName: true, unit: { select: { name: true } } } } },
      orderBy: { user: { fullName: "asc" } },
    }),
    db().certificate.findMany({ where: { courseId }, select: { userId: true, code: true, revokedAt: true } }),
    getOutline(),
  ]);
  const rule = ruleFromRow(ruleRow);
  const modules = outline.filter((m) => m.hasQuiz).map((m) => ({ slug: m.slug, title: m.title }));
  const facts = await completionFacts(courseId, enrolments.map((e) => e.user.id), now);
  const byUser = new Map(certificates.map((c) => [c.userId, c]));
  const rows: ClassCertificateRow[] = enrolments.map(({ user }) => {
    const cert = byUser.get(user.id);
    return {
      userId: user.id,
      fullName: user.fullName,
      unit: user.unit?.name ?? "",
      completion: evaluateCompletion(rule, facts.get(user.id)!, modules.map((m) => m.slug)),
      certificate: cert ? { code: cert.code, revoked: cert.revokedAt !== null } : null,
    };
  });
  return { rule, modules, rows };
}

export async function saveCompletionRule(courseId: number, minAttendancePercent: number, requiredModules: string[]) {
  const data = { minAttendancePercent, requiredModules: requiredModules.join(",") };
  await db().completionRule.upsert({ where: { courseId }, create: { courseId, ...data }, update: data });
}
