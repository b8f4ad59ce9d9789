import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { type CheckinQueueView, submitCheckin, watchCheckins } from "~/attendance/checkin-queue";
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
import { formatTime } from "~/i18n/format";
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
  const auth = await requireUser(request, access, context);
  const url = new URL(request.url);
  const code = compactCode((url.searchParams.get("ma") ?? "").slice(0, 20));
  const buoi = url.searchParams.get("buoi") ?? "";
  return { code: isWellFormedCode(code) ? code : "", buoi: parseId(buoi) === null ? "" : buoi, me: auth.user.id };
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
  const { code, buoi, me } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const queue = useCheckinQueue(me);
  const success = result.success?.message ?? queue.success;
  const checkedIn = success || queue.sent.some((item) => item.answer?.ok);
  return (
    <div className="narrow">
      <PageHeader title={t("att.checkin.title")} />
      {queue.sent.map((item) => (
        <FormMessage key={item.key} tone={item.answer?.ok ? "success" : "error"}>
          {t("att.checkin.sentResult", { code: item.label, time: formatTime(item.at) })} {item.answer?.message}
        </FormMessage>
      ))}
      {queue.waiting.map((item) => (
        <p key={item.key} className="notice" role="status">
          {t("att.checkin.queued", { code: item.label, time: formatTime(item.at) })}
        </p>
      ))}
      {checkedIn ? (
        // Checked in: only the confirmation stays, so nobody taps the button again.
        success ? (
          <FormMessage tone="success">{success}</FormMessage>
        ) : null
      ) : queue.waiting.length ? null : (
        <CheckinForm code={result.values.code ?? code} buoi={result.values.buoi ?? buoi} error={queue.error ?? result.errors.code} onSubmit={queue.submit} />
      )}
    </div>
  );
}

/**
 * The phone's outbox for check-ins (app/attendance/checkin-queue.ts), watched once the page is
 * interactive. Imported with the page, not on demand: two kilobytes in the route's chunk cost less on
 * a hall's Wi-Fi than two more round trips after hydration.
 */
function useCheckinQueue(me: number) {
  const [view, setView] = useState<CheckinQueueView>({ sent: [], waiting: [] });
  useEffect(() => watchCheckins(me, setView), [me]);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    if (submitCheckin(event.currentTarget, me, setView)) event.preventDefault();
  };
  return { ...view, submit };
}

function CheckinForm({
  code,
  buoi,
  error,
  onSubmit,
}: {
  code: string;
  buoi: string;
  error?: string;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <>
      <p>{t("att.checkin.intro")}</p>
      <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
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
