import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { formatDateTime, formatDecimal } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/quiz-trainer";
import { classQuizResults } from "~/quiz/class-results.server";
import { quizPermissions } from "~/quiz/permissions";
import { SelectField } from "~/ui/form";
import { BackLink, PageHeader } from "~/ui/page";
import { DataTable, Subtitled } from "~/ui/table";
import { Downloads } from "~/exports/ui";

export const access = quizPermissions.viewClassResults;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("quiz.trainer.title", { course: data.course.title }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const r = await classQuizResults(course, new URL(request.url).searchParams.get("chuyen-de"));
  return { ...r, rows: r.rows.map((row) => ({ ...row, last: row.last ? formatDateTime(row.last) : "" })) };
}

export default function QuizResults() {
  const d = useLoaderData<typeof loader>();
  const exportLink = (format: string, table = "") =>
    `/khoa-hoc/${d.course.id}/ket-qua-kiem-tra/xuat?chuyen-de=${d.module.slug}${table ? `&bang=${table}` : ""}&dinh-dang=${format}`;
  return (
    <>
      <BackLink to={`/khoa-hoc/${d.course.id}`}>{d.course.title}</BackLink>
      <PageHeader title={t("quiz.trainer.title", { course: d.course.title })} />
      <Form method="get" className="toolbar">
        <SelectField
          label={t("quiz.trainer.module")}
          name="chuyen-de"
          defaultValue={d.module.slug}
          options={d.modules.map((m) => ({ value: m.slug, label: m.label }))}
        />
        <button type="submit">{t("quiz.trainer.show")}</button>
      </Form>
      <Downloads xlsx={exportLink("xlsx")} csv={exportLink("csv")} />
      <section className="card">
        <p>{t("quiz.trainer.attempted", { attempted: d.attempted, total: d.total })}</p>
        <p>
          <strong>{t("quiz.trainer.passRate", { passed: d.passed, attempted: d.attempted, percent: formatDecimal(d.passRate) })}</strong>
        </p>
      </section>
      <section aria-labelledby="quiz-items">
        <h2 id="quiz-items">{t("quiz.trainer.questions")}</h2>
        <p className="muted">{t("quiz.trainer.lowHint", { min: d.flagMinAnswers })}</p>
        <p>{t("quiz.trainer.itemDownloads")}</p>
        <Downloads xlsx={exportLink("xlsx", "cau-hoi")} csv={exportLink("csv", "cau-hoi")} />
        <DataTable
          caption={t("quiz.trainer.questions")}
          testId="quiz-items"
          columns={[
            { header: "#", cell: (q) => q.n },
            { header: t("quiz.trainer.question"), cell: (q) => <Subtitled main={q.prompt} sub={q.lesson} /> },
            { header: t("quiz.trainer.answers"), cell: (q) => q.answers },
            { header: t("quiz.trainer.questionShare"), cell: (q) => (q.share === null ? "—" : `${formatDecimal(q.share)}%`) },
            { header: t("quiz.trainer.discrimination"), cell: (q) => (q.discrimination === null ? "—" : formatDecimal(q.discrimination)) },
            {
              header: t("quiz.trainer.commonWrong"),
              cell: (q) => (q.commonWrong ? t("quiz.trainer.commonWrongCount", { answer: q.commonWrong.text, count: q.commonWrong.count }) : "—"),
            },
            { header: t("quiz.trainer.flag"), cell: (q) => (q.flagged ? <span className="tag tag--off">{t("quiz.trainer.flagged")}</span> : "") },
          ]}
          rows={d.questions}
          rowKey={(q) => q.id}
        />
      </section>
      <h2>{t("quiz.trainer.learners")}</h2>
      <DataTable
        caption={t("quiz.trainer.learners")}
        columns={[
          { header: t("modules.trainer.name"), cell: (r) => <Subtitled main={r.fullName} sub={r.contact} /> },
          { header: t("modules.trainer.unit"), cell: (r) => r.unit },
          { header: t("quiz.trainer.attempts"), cell: (r) => r.attempts },
          { header: t("quiz.trainer.best"), cell: (r) => (r.best === null ? "—" : formatDecimal(r.best)) },
          { header: t("quiz.trainer.passed"), cell: (r) => (r.attempts === 0 ? t("quiz.trainer.notTaken") : r.passed ? t("quiz.passed") : t("quiz.failed")) },
          { header: t("quiz.trainer.lastSubmitted"), cell: (r) => r.last },
          {
            header: t("quiz.trainer.learnerLink"),
            cell: (r) => (
              <Link to={`/khoa-hoc/${d.course.id}/ket-qua-kiem-tra/hoc-vien/${r.enrolmentId}?chuyen-de=${d.module.slug}`}>{t("quiz.trainer.learnerLink")}</Link>
            ),
          },
        ]}
        rows={d.rows}
        rowKey={(r) => r.id}
      />
    </>
  );
}
