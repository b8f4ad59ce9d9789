import { db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { t } from "~/i18n/messages";
import { provinceIdOf } from "~/units/path";
import { newCertificateCode } from "./rule";

/** The issuing office, from the course's province: "Văn phòng Điều phối Nông thôn mới tỉnh Hà Tĩnh". */
export function issuerName(provinceName: string): string {
  return t("cert.issuerOffice", { province: provinceName.replace(/^Tỉnh /, "tỉnh ").replace(/^Thành phố /, "thành phố ") });
}

type Certificate = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["certificate"]["findUnique"]>>>;
export type IssueOutcome = { ok: true; certificate: Certificate } | { ok: false; reason: "notEnrolled" };

/**
 * Issues the learner's certificate for the course once: a second call (double click, two
 * trainers, a learner and a trainer at the same moment) returns the same certificate. A revoked
 * certificate is not silently re-issued. A person not (or no longer) enrolled is refused, as an outcome.
 */
export async function issueCertificate(courseId: number, userId: number, issuedById: number | null): Promise<IssueOutcome> {
  const existing = await db().certificate.findUnique({ where: { courseId_userId: { courseId, userId } } });
  if (existing) return { ok: true, certificate: existing };
  const enrolment = await db().enrolment.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: {
      user: { select: { fullName: true, unit: { select: { name: true } } } },
      course: { select: { title: true, startsOn: true, endsOn: true, unit: { select: { path: true } } } },
    },
  });
  if (!enrolment) return { ok: false, reason: "notEnrolled" };
  const provinceId = provinceIdOf(enrolment.course.unit.path);
  const province = await db().unit.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } });
  try {
    const certificate = await db().certificate.create({
      data: {
        code: newCertificateCode(),
        courseId,
        userId,
        holderName: enrolment.user.fullName,
        unitName: enrolment.user.unit?.name ?? "",
        courseTitle: enrolment.course.title,
        courseStartsOn: enrolment.course.startsOn,
        courseEndsOn: enrolment.course.endsOn,
        issuer: issuerName(province.name),
        issuedById,
      },
    });
    return { ok: true, certificate };
  } catch (error) {
    // lost a race with another issuer: the unique (course, learner) key kept one certificate
    if (isUniqueViolation(error)) {
      return { ok: true, certificate: await db().certificate.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } } }) };
    }
    throw error;
  }
}

export async function revokeCertificates(courseId: number, userIds: number[], reason: string, revokedById: number, now = new Date()) {
  const { count } = await db().certificate.updateMany({
    where: { courseId, userId: { in: userIds }, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason, revokedById },
  });
  return count;
}

/** What the public verification page may show — nothing else about the holder. */
export async function publicCertificate(code: string) {
  const c = await db().certificate.findUnique({
    where: { code },
    select: { holderName: true, courseTitle: true, issuedAt: true, courseEndsOn: true, revokedAt: true, issuer: true },
  });
  if (!c) return null;
  return { holderName: c.holderName, courseTitle: c.courseTitle, issuedAt: c.issuedAt, issuer: c.issuer, revoked: c.revokedAt !== null };
}
