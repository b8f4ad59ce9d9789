import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { issueCertificate } from "~/certificates/certificates.server";
import { completionFacts } from "~/certificates/facts.server";
import { certificatePermissions } from "~/certificates/permissions";
import { evaluateCompletion, ruleFromRow } from "~/certificates/rule";
import { getOutline } from "~/content/outline.server";
import { db } from "~/db/db.server";
import { t } from "~/i18n/messages";
import { Card, PageHeader } from "~/ui/page";

export const access = certificatePermissions.own;

export const meta: MetaFunction = () => [{ title: `${t("cert.mine.title")} · ${t("app.name")}` }];

/**
 * For each course of the learner: the certificate when the rule is met (issued here the first
 * time the learner looks — issuing is idempotent), otherwise what is still missing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const userId = auth.user.id;
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
  const items = [];
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
  return { items };
}

export default function MyCertificates() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("cert.mine.title")} />
      {items.length === 0 ? <p>{t("cert.mine.none")}</p> : null}
      {items.map((item) => (
        <Card title={item.title} key={item.courseId}>
          {item.certificate ? (
            item.certificate.revoked !== null ? (
              <p className="notice notice--error">{t("cert.mine.revoked", { reason: item.certificate.revoked })}</p>
            ) : (
              <p>
                {t("cert.mine.complete")} <Link to={`/giay-chung-nhan/${item.certificate.code}`}>{t("cert.print")}</Link>
              </p>
            )
          ) : (
            <>
              <p>{t("cert.mine.missing")}</p>
              <ul>
                {item.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </Card>
      ))}
    </>
  );
}
