import { type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { takeRateLimit } from "~/ops/throttle.server";
import { publicCertificate } from "~/certificates/certificates.server";
import { normalizeCode } from "~/certificates/rule";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { PageHeader } from "~/ui/page";

export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("cert.verify.title")} · ${t("app.name")}` }, { name: "robots", content: "noindex" }];

/** 60 lookups per 10 minutes per address: enough for any office, useless for guessing 80-bit codes. */
const LOOKUPS = 60;
const WINDOW_MS = 10 * 60 * 1000;

/** Public verification: valid / revoked / not found, the holder's name, the course and the date — nothing else. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!(await takeRateLimit(`cert-lookup:${context?.clientIp ?? "unknown"}`, LOOKUPS, WINDOW_MS))) {
    return data({ state: "throttled" as const, certificate: null }, { status: 429 });
  }
  const code = normalizeCode(params.code ?? "");
  const found = code ? await publicCertificate(code) : null;
  if (!found) return data({ state: "not-found" as const, certificate: null }, { status: 404 });
  return {
    state: found.revoked ? ("revoked" as const) : ("valid" as const),
    certificate: { code, holderName: found.holderName, courseTitle: found.courseTitle, issuedOn: formatDate(found.issuedAt), issuer: found.issuer },
  };
}

export default function VerifyCertificate() {
  const { state, certificate } = useLoaderData<typeof loader>();
  const heading =
    state === "valid"
      ? t("cert.verify.valid")
      : state === "revoked"
        ? t("cert.verify.revoked")
        : state === "throttled"
          ? t("cert.verify.throttled")
          : t("cert.verify.notFound");
  return (
    <div className="narrow">
      <PageHeader title={t("cert.verify.title")} />
      <p className={`verdict verdict--${state}`} role="status">
        {heading}
      </p>
      {certificate ? (
        <dl className="facts">
          <dt>{t("cert.verify.holder")}</dt>
          <dd>{certificate.holderName}</dd>
          <dt>{t("cert.verify.course")}</dt>
          <dd>{certificate.courseTitle}</dd>
          <dt>{t("cert.verify.date")}</dt>
          <dd>{certificate.issuedOn}</dd>
          <dt>{t("cert.verify.issuer")}</dt>
          <dd>{certificate.issuer}</dd>
          <dt>{t("cert.verify.code")}</dt>
          <dd>
            <code>{certificate.code}</code>
          </dd>
        </dl>
      ) : null}
      <p>
        <Link to="/chung-nhan">{t("cert.verify.title")}</Link>
      </p>
    </div>
  );
}
