import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { myCertificates } from "~/certificates/mine.server";
import { certificatePermissions } from "~/certificates/permissions";
import { t } from "~/i18n/messages";
import { Card, PageHeader } from "~/ui/page";

export const access = certificatePermissions.own;

export const meta: MetaFunction = () => [{ title: `${t("cert.mine.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  return { items: await myCertificates(auth.user.id) };
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
          ) : item.missing.length === 0 ? (
            <p>{t("cert.mine.pending")}</p>
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
