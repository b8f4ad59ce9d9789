import { db } from "~/db/db.server";
import { getOutline } from "~/content/outline.server";
import { issueCertificate } from "./certificates.server";
import { completionFacts } from "./facts.server";
import { type Completion, evaluateCompletion, ruleFromRow } from "./rule";

export type ClassCertificateRow = {
  userId: number;
  fullName: string;
  unit: string;
  completion: Completion;
  certificate: { code: string; revoked: boolean } | null;
};

/** The course's rule, and every enrolled learner's (or only those of `only`) completion and certificate (a handful of queries). */
export async function classCertificates(courseId: number, now = new Date(), only?: readonly number[]) {
  const learners = only ? { userId: { in: [...only] } } : {};
  const [ruleRow, enrolments, certificates, outline] = await Promise.all([
    db().completionRule.findUnique({ where: { courseId } }),
    db().enrolment.findMany({
      where: { courseId, ...learners },
      select: { user: { select: { id: true, fullName: true, unit: { select: { name: true } } } } },
      orderBy: { user: { fullName: "asc" } },
    }),
    db().certificate.findMany({ where: { courseId, ...learners }, select: { userId: true, code: true, revokedAt: true } }),
    getOutline(),
  ]);
  const rule = ruleFromRow(ruleRow);
  const modules = outline.filter((m) => m.hasQuiz).map((m) => ({ slug: m.slug, title: m.title }));
  const facts = await completionFacts(
    courseId,
    enrolments.map((e) => e.user.id),
    now,
  );
  const byUser = new Map(certificates.map((c) => [c.userId, c]));
  const rows: ClassCertificateRow[] = enrolments.map(({ user }) => {
    const cert = byUser.get(user.id);
    return {
      userId: user.id,
      fullName: user.fullName,
      unit: user.unit?.name ?? "",
      completion: evaluateCompletion(
        rule,
        facts.get(user.id)!,
        modules.map((m) => m.slug),
      ),
      certificate: cert ? { code: cert.code, revoked: cert.revokedAt !== null } : null,
    };
  });
  return { rule, modules, rows };
}

/**
 * Issues the certificates earned in the class and not held yet — by every learner, or by those of `only`
 * (the learners a marking just changed). `issuedById`: the trainer who asked, null when an action issued
 * them on completion. Returns how many were issued.
 */
export async function issueDueInClass(courseId: number, issuedById: number | null, only?: readonly number[], now = new Date()) {
  if (only && only.length === 0) return { issued: 0, due: 0 };
  const { rows } = await classCertificates(courseId, now, only);
  const due = rows.filter((r) => r.completion.complete && !r.certificate);
  let issued = 0;
  for (const row of due) if ((await issueCertificate(courseId, row.userId, issuedById)).ok) issued++;
  return { issued, due: due.length };
}

export async function saveCompletionRule(courseId: number, minAttendancePercent: number, requiredModules: string[]) {
  const data = { minAttendancePercent, requiredModules: requiredModules.join(",") };
  await db().completionRule.upsert({ where: { courseId }, create: { courseId, ...data }, update: data });
}
