import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { reachableEnrolment, refuseIfArchived } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDecimal } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/quiz-trainer";
import { grantExtra, grantSchema, learnerQuizPage } from "~/quiz/grants.server";
import { quizModule } from "~/quiz/page.server";
import { quizPermissions } from "~/quiz/permissions";
import { Field, FormMessage, TextAreaField, useActionResult, useSuccessKey } from "~/ui/form";
import { BackLink, Card, PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

/** One learner's attempts at a quiz of the class, and the trainer's grants of extra attempts or minutes (decision 0040). */
export const access = quizPermissions.grantExtra;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("quiz.grant.title", { name: data.learner.fullName }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { course, enrolment } = await reachableEnrolment(auth, params, access);
  return learnerQuizPage(course, enrolment, new URL(request.url).searchParams.get("chuyen-de"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const { course, enrolment } = await reachableEnrolment(auth, params, access);
  refuseIfArchived(course);
  const form = await parseRequestForm(request, grantSchema);
  if (!form.ok) return invalid(form);
  const { quiz } = await quizModule(form.data.module);
  const granted = await grantExtra(enrolment.id, quiz, form.data, auth.user.id);
  if (!granted.ok) return invalid({ [granted.field]: granted.message }, { status: 422 });
  return ok({ message: t("quiz.grant.saved", { attempts: form.data.extraAttempts, minutes: form.data.extraMinutes }) });
}

export default function LearnerQuizGrants() {
  const d = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const fresh = result.values;
  const formKey = useSuccessKey(result.success); // after a grant the form starts empty again
  return (
    <>
      <BackLink to={`/khoa-hoc/${d.course.id}/ket-qua-kiem-tra?chuyen-de=${d.module.slug}`}>{t("quiz.trainer.title", { course: d.course.title })}</BackLink>
      <PageHeader title={t("quiz.grant.title", { name: d.learner.fullName })} />
      <p>
        {t("quiz.grant.allowance", { quiz: d.module.title, attempts: d.allowed.attemptsAllowed })}
        {d.allowed.timeLimitMinutes ? t("quiz.grant.allowanceTime", { minutes: d.allowed.timeLimitMinutes }) : ""}.
      </p>
      <h2>{t("quiz.grant.attemptsTitle")}</h2>
      <DataTable
        caption={t("quiz.grant.attemptsTitle")}
        columns={[
          { header: t("quiz.historyAttempt", { n: "" }).trim(), cell: (a) => a.n },
          { header: t("quiz.historyWhen"), cell: (a) => a.submittedAt ?? "—" },
          { header: t("quiz.historyScore"), cell: (a) => (a.percent === null ? "—" : `${formatDecimal(a.percent)}%`) },
          {
            header: t("quiz.historyResult"),
            cell: (a) => (a.status === "OPEN" ? t("quiz.historyOpen") : a.status === "LATE" ? t("quiz.late") : a.passed ? t("quiz.passed") : t("quiz.failed")),
          },
        ]}
        rows={d.attempts}
        rowKey={(a) => a.id}
        empty={t("quiz.trainer.notTaken")}
      />
      <Card title={t("quiz.grant.heading")}>
        <p className="muted">{t("quiz.grant.hint")}</p>
        <FormMessage tone="success">{result.success?.message}</FormMessage>
        <FormMessage tone="error">{e._form}</FormMessage>
        <Form method="post" className="stack" noValidate key={formKey}>
          <input type="hidden" name="module" value={d.module.slug} />
          <Field
            label={t("quiz.grant.extraAttempts", { max: d.limits.attempts })}
            name="extraAttempts"
            inputMode="numeric"
            defaultValue={fresh.extraAttempts ?? "0"}
            error={e.extraAttempts}
          />
          {d.hasTimeLimit ? (
            <Field
              label={t("quiz.grant.extraMinutes", { max: d.limits.minutes })}
              name="extraMinutes"
              inputMode="numeric"
              defaultValue={fresh.extraMinutes ?? "0"}
              error={e.extraMinutes}
            />
          ) : (
            <input type="hidden" name="extraMinutes" value="0" />
          )}
          <TextAreaField label={t("quiz.grant.reason")} name="reason" rows={3} defaultValue={fresh.reason ?? ""} error={e.reason} />
          <div>
            <button type="submit">{t("quiz.grant.submit")}</button>
          </div>
        </Form>
      </Card>
      <h2>{t("quiz.grant.log")}</h2>
      <DataTable
        caption={t("quiz.grant.log")}
        columns={[
          { header: t("quiz.grant.when"), cell: (g) => g.createdAt },
          { header: t("quiz.grant.by"), cell: (g) => g.by },
          { header: t("quiz.grant.what"), cell: (g) => t("quiz.grant.whatText", { attempts: g.extraAttempts, minutes: g.extraMinutes }) },
          { header: t("quiz.grant.reason"), cell: (g) => g.reason },
        ]}
        rows={d.grants}
        rowKey={(g) => g.id}
        empty={t("quiz.grant.none")}
      />
    </>
  );
}
