import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isWellFormedCode } from "~/attendance/checkin-code";
import { compactCode } from "~/ops/codes";
import { attendancePermissions } from "~/attendance/permissions";
import { checkinSchema } from "~/attendance/schemas.server";
import { selfCheckIn } from "~/attendance/self-checkin.server";
import { requireUser } from "~/auth/guard.server";
import { requestMeta } from "~/auth/request-meta";
import { parseRequestForm } from "~/forms/form.server";
import { parseId } from "~/forms/parse";
import { invalid, ok } from "~/forms/result.server";
import { t } from "~/i18n/messages";
import "~/i18n/checkin";

import { Field, FormMessage, useActionResult } from "~/ui/form";
import { AppForm } from "~/ui/app-link";
import { useNonce } from "~/ui/nonce";
import { PageHeader } from "~/ui/page";
import { type DocumentOnly, loadAsDocument } from "~/ui/document-page";
import { pageScript } from "~/ui/page-scripts.server";

/**
 * Self check-in: a signed-in learner types the code on the projector, or scans the QR whose link
 * fills in the session and the code (a GET never checks in: the learner confirms with one tap).
 * The page a hall's phones open at the same minute is a plain document with one small script, not
 * a React app (docs/decisions/0057): reached by a link inside the app, it loads as a document too.
 */
export const access = attendancePermissions.checkIn;

export const handle: DocumentOnly = { documentOnly: true };
export const clientLoader = loadAsDocument;

export const meta: MetaFunction = () => [{ title: `${t("att.checkin.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const url = new URL(request.url);
  const code = compactCode((url.searchParams.get("ma") ?? "").slice(0, 20));
  const buoi = url.searchParams.get("buoi") ?? "";
  return { code: isWellFormedCode(code) ? code : "", buoi: parseId(buoi) === null ? "" : buoi, me: auth.user.id, script: pageScript("checkin") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, checkinSchema);
  if (!form.ok) return invalid(form);
  const values = { code: form.data.code, buoi: form.data.buoi ? String(form.data.buoi) : "" };
  const done = await selfCheckIn(auth.user.id, requestMeta(request, context).ip, form.data);
  if (done.ok) return ok({ message: done.message, session: done.title });
  return invalid({ code: done.message }, { values, status: done.httpStatus });
}

export default function CheckinPage() {
  const { code, buoi, me, script } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const nonce = useNonce();
  const success = result.success?.message;
  return (
    <div className="narrow">
      <PageHeader title={t("att.checkin.title")} />
      {/* the phone's outbox (0046) shows here: its check-ins sent, and those still waiting (checkin-page.client.ts) */}
      <div
        aria-live="polite"
        data-checkin-outbox
        data-learner={me}
        data-queued={t("att.checkin.queued", { code: "{code}", time: "{time}" })}
        data-sent={t("att.checkin.sentResult", { code: "{code}", time: "{time}" })}
      />
      {success ? (
        // Checked in: only the confirmation stays, so nobody taps the button again.
        <FormMessage tone="success">{success}</FormMessage>
      ) : (
        <CheckinForm code={result.values.code ?? code} buoi={result.values.buoi ?? buoi} error={result.errors.code} />
      )}
      {script ? <script nonce={nonce} src={script} defer /> : null}
    </div>
  );
}

function CheckinForm({ code, buoi, error }: { code: string; buoi: string; error?: string }) {
  return (
    <div data-checkin-form>
      <p>{t("att.checkin.intro")}</p>
      <AppForm className="stack" noValidate data-checkin>
        <input type="hidden" name="buoi" value={buoi} />
        <Field
          label={t("att.checkin.code")}
          name="code"
          required
          defaultValue={code}
          error={error}
          autoCapitalize="characters"
          autoComplete="off"
          inputMode="text"
          maxLength={12}
          className="att-code-input"
        />
        <div>
          <button type="submit">{t("att.checkin.submit")}</button>
        </div>
      </AppForm>
    </div>
  );
}
