import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { isWellFormedCode } from "~/attendance/checkin-code";
import { compactCode } from "~/ops/codes";
import { attendancePermissions } from "~/attendance/permissions";
import { checkinSchema } from "~/attendance/schemas.server";
import { checkIn } from "~/attendance/sessions.server";
import { statusLabelKey } from "~/attendance/statuses";
import { guessBlockedUntil, ipGuessKey, personKey, recordGuessFailure } from "~/ops/throttle.server";
import { requireUser } from "~/auth/guard.server";
import { requestMeta } from "~/auth/request-meta";
import { issueEarned } from "~/certificates/mine.server";
import { parseRequestForm } from "~/forms/form.server";
import { parseId } from "~/forms/parse";
import { invalid, ok } from "~/forms/result.server";
import { formatDate, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/checkin";

import { Field, FormMessage, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";

/**
 * Self check-in: a signed-in learner types the code on the projector, or scans the QR whose link
 * fills in the session and the code (a GET never checks in: the learner confirms with one tap).
 */
export const access = attendancePermissions.checkIn;

export const meta: MetaFunction = () => [{ title: `${t("att.checkin.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, access, context);
  const url = new URL(request.url);
  const code = compactCode((url.searchParams.get("ma") ?? "").slice(0, 20));
  const buoi = url.searchParams.get("buoi") ?? "";
  return { code: isWellFormedCode(code) ? code : "", buoi: parseId(buoi) === null ? "" : buoi };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, checkinSchema);
  if (!form.ok) return invalid(form);
  const now = new Date();
  const keys = [personKey("checkin", auth.user.id), ipGuessKey("checkin", requestMeta(request, context).ip)];
  const values = { code: form.data.code, buoi: form.data.buoi ? String(form.data.buoi) : "" };
  const until = await guessBlockedUntil(keys, now);
  if (until) return invalid({ code: t("att.checkin.throttled", { time: formatTime(until) }) }, { values, status: 429 });
  if (!isWellFormedCode(form.data.code)) {
    await recordGuessFailure(keys, now);
    return invalid({ code: t("att.checkin.codeMalformed") }, { values });
  }
  const outcome = await checkIn(auth.user.id, form.data.code, form.data.buoi ?? null, now);
  if (outcome.ok) {
    await issueEarned(auth.user.id);
    const session = `${formatDate(outcome.startsAt)} ${formatTime(outcome.startsAt)}–${formatTime(outcome.endsAt)}`;
    const status = t(statusLabelKey(outcome.status));
    const message = outcome.title ? t("att.checkin.doneTitled", { title: outcome.title, status, session }) : t("att.checkin.done", { status, session });
    return ok({ message, session: outcome.title });
  }
  switch (outcome.reason) {
    case "wrongCode":
      await recordGuessFailure(keys, now);
      return invalid({ code: t("att.checkin.wrongCode") }, { values, status: 422 });
    case "notEnrolled":
      return invalid({ code: t("att.checkin.notEnrolled") }, { values, status: 403 });
    case "closed":
      return invalid({ code: t("att.checkin.closed") }, { values, status: 422 });
    case "already":
      return invalid({ code: t("att.checkin.already", { status: t(statusLabelKey(outcome.status as "PRESENT")) }) }, { values, status: 409 });
  }
}

export default function CheckinPage() {
  const { code, buoi } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  return (
    <div className="narrow">
      <PageHeader title={t("att.checkin.title")} />
      {result.success ? (
        // Checked in: only the confirmation stays, so nobody taps the button again.
        <FormMessage tone="success">{result.success.message}</FormMessage>
      ) : (
        <CheckinForm code={result.values.code ?? code} buoi={result.values.buoi ?? buoi} error={result.errors.code} />
      )}
    </div>
  );
}

function CheckinForm({ code, buoi, error }: { code: string; buoi: string; error?: string }) {
  return (
    <>
      <p>{t("att.checkin.intro")}</p>
      <Form method="post" className="stack" noValidate>
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
      </Form>
    </>
  );
}
