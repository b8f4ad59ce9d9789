import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { formatDateTime, formatDecimal } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { classQuizResults } from "~/quiz/class-results.server";
import { quizPermissions } from "~/quiz/permissions";
import { SelectField } from "~/ui/form";
import { PageHeader } from "~/ui/page";
import { Downloads } from "~/exports/ui";

export const access = quizPermissions.viewClassResults;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("quiz.trainer.title", { course: data.course.title }) : ""} · ${t("app.name")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await reachableCourse(auth, params.courseId, access);
  const r = await classQuizResults(course, new URL(request.url).searchParams.get("chuyen-de"));
  return { ...r, rows: r.rows.map((row) => ({ ...row, last: row.last ? formatDateTime(row.last) : "" })) };
}

export default function QuizResults() {
  const d = useLoaderData<typeof loader>();
  const exportLink = (format: string) => `/khoa-hoc/${d.course.id}/ket-qua-kiem-tra/xuat?chuyen-de=${d.module.slug}&dinh-dang=${format}`;
  return (
    <>
      <p>
        <Link className="back-link" to={`/khoa-hoc/${d.course.id}`}>← {d.course.title}</Link>
      </p>
      <PageHeader title={t("quiz.trainer.title", { course: d.course.title })} />
      <Form method="get" className="toolbar">
        <SelectField label={t("quiz.trainer.module")} name="chuyen-de" defaultValue={d.module.slug} options={d.modules.map((m) => ({ value: m.slug, label: m.label }))} />
        <button type="submit">{t("quiz.trainer.show")}</button>
      </Form>
      <Downloads xlsx={exportLink("xlsx")} csv={exportLink("csv")} />
      <section className="card">
        <p>{t("quiz.trainer.attempted", { attempted: d.attempted, total: d.total })}</p>
        <p>
          <strong>{t("quiz.trainer.passRate", { passed: d.passed, attempted: d.attempted, percent: formatDecimal(d.passRate) })}</strong>
        </p>
      </section>
      <h2>{t("quiz.trainer.questions")}</h2>
      <p className="muted">{t("quiz.trainer.lowHint")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("quiz.title")}</th>
              <th scope="col">{t("quiz.trainer.questionShare")}</th>
              <th scope="col">{t("quiz.trainer.answers")}</th>
            </tr>
          </thead>
          <tbody>
            {d.questions.map((q) => (
              <tr key={q.id}>
                <td>{q.n}</td>
                <td>{q.prompt}</td>
                <td>{q.share === null ? "—" : `${formatDecimal(q.share)}%`}</td>
                <td>{q.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("quiz.trainer.learners")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("modules.trainer.name")}</th>
              <th scope="col">{t("modules.trainer.unit")}</th>
              <th scope="col">{t("quiz.trainer.attempts")}</th>
              <th scope="col">{t("quiz.trainer.best")}</th>
              <th scope="col">{t("quiz.trainer.passed")}</th>
              <th scope="col">{t("quiz.trainer.lastSubmitted")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.fullName}
                  <br />
                  <small className="muted">{r.contact}</small>
                </td>
                <td>{r.unit}</td>
                <td>{r.attempts}</td>
                <td>{r.best === null ? "—" : formatDecimal(r.best)}</td>
                <td>{r.attempts === 0 ? t("quiz.trainer.notTaken") : r.passed ? t("quiz.passed") : t("quiz.failed")}</td>
                <td>{r.last}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
