/** The notifications' pieces of other pages: the email choices on /tai-khoan and the outbox panel on the admin settings page. */
import { Form } from "@remix-run/react";
import "~/i18n/notifications";
import { t } from "~/i18n/messages";
import { ChoiceGroup } from "~/ui/form";
import { Card } from "~/ui/page";

type Preferences = { enabled: boolean; email: string | null; bounced: string | null; kinds: { kind: string; label: string; on: boolean }[] };

/** Which kinds reach the person by email (a plain form: works without JavaScript). */
export function EmailPreferences({ prefs, error }: { prefs: Preferences; error?: string }) {
  return (
    <Card title={t("notify.prefs.title")}>
      <p className="muted">{t("notify.prefs.intro")}</p>
      {!prefs.enabled ? <p className="notice">{t("notify.prefs.off")}</p> : null}
      {!prefs.email ? <p className="notice">{t("notify.prefs.noEmail")}</p> : null}
      {prefs.bounced ? <p className="notice notice--error">{t("notify.prefs.bounced", { address: prefs.bounced })}</p> : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="emailPreferences" />
        <ChoiceGroup
          legend={t("notify.prefs.legend")}
          name="email"
          type="checkbox"
          options={prefs.kinds.map((k) => ({ value: k.kind, label: k.label }))}
          checked={prefs.kinds.filter((k) => k.on).map((k) => k.kind)}
          error={error}
        />
        <div>
          <button type="submit">{t("notify.prefs.save")}</button>
        </div>
      </Form>
    </Card>
  );
}

type OutboxStatus = {
  enabled: boolean;
  server: string | null;
  from: string | null;
  pending: number;
  sent: number;
  failed: number;
  /** `at` as dd/MM/yyyy HH:mm (formatted on the server: learner pages share the date chunk) */
  lastError: { message: string; at: string } | null;
};

/** Whether email is on, through which server, and the last failure an admin should fix. */
export function OutboxPanel({ status }: { status: OutboxStatus }) {
  return (
    <Card title={t("notify.outbox.title")}>
      <div data-testid="outbox-status" className="stack">
        {status.enabled ? (
          <p>{t("notify.outbox.on", { server: status.server ?? "", from: status.from ?? "" })}</p>
        ) : (
          <p className="notice">{t("notify.outbox.off")}</p>
        )}
        <p className="muted">{t("notify.outbox.counts", { pending: status.pending, sent: status.sent, failed: status.failed })}</p>
        {status.lastError ? (
          <p className="notice notice--error" role="alert">
            {t("notify.outbox.lastError", { when: status.lastError.at, error: status.lastError.message })}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
