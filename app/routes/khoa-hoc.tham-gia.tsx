import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { guessBlockedUntil, ipGuessKey, personKey, recordGuessFailure } from "~/ops/throttle.server";
import { requireUser } from "~/auth/guard.server";
import { requestMeta } from "~/auth/request-meta";
import { modulePermissions } from "~/content/permissions";
import { admissionMessage, joinCourse } from "~/courses/courses.server";
import { joinSchema, normalizeCode } from "~/courses/schemas.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";

/**
 * Joining a class with its enrolment code: how a person who already has an account enters a class
 * (a trainer's roster invites them; it never enrols them). A GET never joins: the person confirms.
 */
export const access = modulePermissions.join;

export const meta: MetaFunction = () => [{ title: `${t("modules.join.title")} · ${t("app.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, access, context);
  return { code: normalizeCode(new URL(request.url).searchParams.get("ma") ?? "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const form = await parseRequestForm(request, joinSchema);
  if (!form.ok) return invalid(form);
  const now = new Date();
  const keys = [personKey("join", auth.user.id), ipGuessKey("join", requestMeta(request, context).ip)];
  const values = { code: form.data.code };
  const until = await guessBlockedUntil(keys, now);
  if (until) return invalid({ code: t("modules.join.throttled", { time: formatTime(until) }) }, { values, status: 429 });
  const joined = await joinCourse(auth.user.id, form.data.code, now);
  if (!joined.ok) {
    if (joined.reason === "unknown") await recordGuessFailure(keys, now);
    return invalid({ code: admissionMessage(joined.reason) }, { values, status: joined.reason === "archived" ? 409 : 422 });
  }
  return redirect(`/khoa-hoc/${joined.courseId}`);
}

export default function JoinPage() {
  const { code } = useLoaderData<typeof loader>();
  const failure = useActionResult<typeof action>();
  return (
    <div className="narrow">
      <PageHeader title={t("modules.join.title")} />
      <p>{t("modules.join.intro")}</p>
      <FormMessage tone="error">{failure.errors._form}</FormMessage>
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("modules.join.code")}
          name="code"
          required
          defaultValue={failure.values.code ?? code}
          error={failure.errors.code}
          autoCapitalize="characters"
        />
        <div>
          <button type="submit">{t("modules.join.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
