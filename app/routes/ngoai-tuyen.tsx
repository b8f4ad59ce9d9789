import type { MetaFunction } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { t } from "~/i18n/messages";
import "~/i18n/offline";
import { PageHeader } from "~/ui/page";

/**
 * What the service worker shows for a page it has not kept when there is no network (it keeps this
 * page at install, docs/decisions/0046). Plain links: it works whatever is cached.
 */
export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("offline.title")} · ${t("app.name")}` }];

export default function OfflinePage() {
  return (
    <div className="narrow">
      <PageHeader title={t("offline.title")} />
      <p>{t("offline.body")}</p>
      <p>
        <a href="/">{t("offline.home")}</a>
      </p>
    </div>
  );
}
