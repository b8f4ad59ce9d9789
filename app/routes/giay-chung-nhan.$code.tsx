import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { SIGNED_IN, perObject } from "~/auth/access";
import { reachableCertificate } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { normalizeCode } from "~/certificates/rule";
import { certificatePermissions } from "~/certificates/permissions";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import latin400 from "@fontsource/noto-serif/latin-400.css";
import latin700 from "@fontsource/noto-serif/latin-700.css";
import vietnamese400 from "@fontsource/noto-serif/vietnamese-400.css";
import vietnamese700 from "@fontsource/noto-serif/vietnamese-700.css";

/** The printable certificate: its holder, the course's trainers and the province's admins; 404 for anyone else. */
export const access = perObject(SIGNED_IN);

export const links: LinksFunction = () => [latin400, latin700, vietnamese400, vietnamese700].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction = () => [{ title: `${t("cert.title")} · ${t("app.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const cert = await reachableCertificate(auth, normalizeCode(params.code ?? ""), certificatePermissions.manage);
  const verifyUrl = `${new URL(request.url).origin}/chung-nhan/${cert.code}`;
  const qr = await QRCode.toString(verifyUrl, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  return {
    code: cert.code,
    holderName: cert.holderName,
    unitName: cert.unitName,
    courseTitle: cert.courseTitle,
    from: formatDate(cert.courseStartsOn),
    to: formatDate(cert.courseEndsOn),
    issuedOn: formatDate(cert.issuedAt),
    issuer: cert.issuer,
    revoked: cert.revokedAt ? (cert.revokedReason ?? "") : null,
    verifyUrl,
    qr,
  };
}

export default function CertificatePage() {
  const c = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print toolbar">
        {c.revoked === null ? (
          <>
            <button type="button" onClick={() => window.print()}>
              {t("cert.print")}
            </button>
            <span className="muted">{t("cert.printHint")}</span>
          </>
        ) : (
          <span className="notice notice--error">{t("cert.revokedBanner", { reason: c.revoked })}</span>
        )}
      </p>
      <article className={c.revoked === null ? "certificate" : "certificate certificate--revoked"} id="in">
        <header className="certificate__nation">
          <p className="certificate__issuer">{c.issuer.toUpperCase()}</p>
          <p>
            <strong>{t("cert.nation")}</strong>
            <br />
            {t("cert.motto")}
          </p>
        </header>
        <h1 className="certificate__title">{t("cert.heading")}</h1>
        <p className="certificate__sub">{t("cert.subheading")}</p>
        <p className="certificate__line">{t("cert.certifies")}</p>
        <p className="certificate__name">{c.holderName}</p>
        {c.unitName ? (
          <p className="certificate__line">
            {t("cert.unit")}: {c.unitName}
          </p>
        ) : null}
        <p className="certificate__line">{t("cert.completed")}</p>
        <p className="certificate__course">{c.courseTitle}</p>
        <p className="certificate__line">{t("cert.period", { from: c.from, to: c.to })}</p>
        <footer className="certificate__footer">
          <div className="certificate__qr">
            <div dangerouslySetInnerHTML={{ __html: c.qr }} role="img" aria-label={t("cert.verifyAt", { url: c.verifyUrl })} />
            <p>
              {t("cert.code", { code: c.code })}
              <br />
              <small>{t("cert.verifyAt", { url: c.verifyUrl })}</small>
            </p>
          </div>
          <p className="certificate__date">{t("cert.issuedOn", { date: c.issuedOn })}</p>
        </footer>
      </article>
    </>
  );
}
