import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { reachableCourse, studiedEnrolment } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { issueEarned } from "~/certificates/mine.server";
import { parseRequestForm } from "~/forms/form.server";
import { invalid } from "~/forms/result.server";
import { formatDecimal } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/quiz";
import { quizActionSchema } from "~/quiz/action.server";
import { QuizCountdown } from "~/quiz/countdown-clock";
import { readAnswers } from "~/quiz/grading";
import { quizModule, quizPage } from "~/quiz/page.server";
import { quizPermissions } from "~/quiz/permissions";
import { startAttempt, submitAttempt } from "~/quiz/quiz.server";
import { type DocumentOnly, loadAsDocument } from "~/ui/document-page";
import { FieldGroup, FormMessage, useActionResult } from "~/ui/form";
import { useNonce } from "~/ui/nonce";
import { PageHeader } from "~/ui/page";
import { pageScript } from "~/ui/page-scripts.server";
import { AppForm, AppLink } from "~/ui/app-link";

export const access = quizPermissions.take;

// The page 210 phones open at once when a quiz starts is a plain document with one small script: the countdown and
// the answers kept on the phone are in ./quiz/quiz-page.client.ts, not in React (docs/decisions/0057).
export const handle: DocumentOnly = { documentOnly: true };
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.quiz.title ?? t("quiz.title")} · ${t("app.name")}` }];

/** The signed-in user, a course they reach and the quiz of its module (404 when any is missing). */
async function quizOfCourse(request: Request, params: { courseId?: string; moduleSlug?: string }, context?: object) {
  const auth = await requireUser(request, access, context);
  const [course, quizzed] = await Promise.all([reachableCourse(auth, params.courseId, access), quizModule(params.moduleSlug)]);
  return { auth, course, ...quizzed };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course, ...quizzed } = await quizOfCourse(request, params, context);
  return { ...(await quizPage(course, quizzed, new URL(request.url).searchParams.get("ket-qua"))), script: pageScript("quiz") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, course, module, quiz } = await quizOfCourse(request, params);
  const enrolmentId = studiedEnrolment(course);
  const form = await parseRequestForm(request, quizActionSchema);
  if (!form.ok) return invalid(form);
  const here = new URL(request.url).pathname;
  if (form.data.intent === "start") {
    const started = await startAttempt(enrolmentId, module.slug, quiz);
    if (started.kind === "limit") return invalid({ _form: t("quiz.noAttemptsLeft", { attempts: started.attemptsAllowed }) }, { status: 409 });
    return redirect(here);
  }
  const read = readAnswers(quiz, form.data as Record<string, string | string[]>);
  if (!read.ok) return invalid(read.errors, { status: 400 });
  const { answeredAt, sentAt } = form.data;
  const offline = answeredAt !== undefined && sentAt !== undefined ? { answeredAt: new Date(answeredAt), sentAt: new Date(sentAt) } : null;
  const outcome = await submitAttempt(enrolmentId, module.slug, form.data.token, quiz, read.answers, new Date(), offline);
  if (outcome.kind === "unknown") return invalid({ _form: t("quiz.badToken") }, { status: 400 });
  if (outcome.kind === "graded" && outcome.grade.passed) await issueEarned(auth.user.id);
  return redirect(`${here}?ket-qua=${outcome.attemptId}`);
}

export default function QuizPage() {
  const d = useLoaderData<typeof loader>();
  const { errors } = useActionResult<typeof action>();
  const nonce = useNonce();
  const base = `/khoa-hoc/${d.course.id}` as const;
  const path = `${base}/kiem-tra/${d.module.slug}`;
  const { result } = d;
  return (
    <div data-quiz-page={path}>
      <p>
        <AppLink className="back-link" to={base}>
          {t("modules.lesson.backToCourse")}
        </AppLink>
      </p>
      <PageHeader title={d.quiz.title}>
        {d.canSeeClass ? (
          <AppLink className="button button--ghost" to={`${base}/ket-qua-kiem-tra?chuyen-de=${d.module.slug}`}>
            {t("quiz.trainer.resultsLink")}
          </AppLink>
        ) : null}
      </PageHeader>
      <p className="muted">
        {t("quiz.settings", { count: d.quiz.count, pass: d.quiz.passPercent, attempts: d.quiz.attemptsAllowed })}
        {d.quiz.timeLimitMinutes ? t("quiz.timeLimit", { minutes: d.quiz.timeLimitMinutes }) : ""}
      </p>
      <p className="muted">{t(`quiz.reveal.${d.quiz.reveal}`)}</p>
      <FormMessage tone="error">{errors._form}</FormMessage>
      {result ? (
        <section className="card quiz-result" aria-labelledby="quiz-result-title">
          <h2 id="quiz-result-title">{t("quiz.resultTitle", { n: result.n })}</h2>
          {result.status === "LATE" ? (
            <p className="notice notice--error" role="alert">
              {t("quiz.late")}
            </p>
          ) : (
            <p className="quiz-result__score">
              {t("quiz.score", { score: formatDecimal(result.score ?? 0), max: result.max ?? 0, percent: formatDecimal(result.percent ?? 0) })} ·{" "}
              <span className={result.passed ? "tag" : "tag tag--off"}>{result.passed ? t("quiz.passed") : t("quiz.failed")}</span>
            </p>
          )}
          {!result.revealed && result.questions.length ? <p>{t("quiz.toReview")}</p> : null}
          <ol className="quiz-review">
            {result.questions.map((q) => (
              <li key={q.id} className={q.credit === 1 ? "quiz-review__item--ok" : "quiz-review__item--wrong"}>
                <p>
                  <strong>{q.prompt}</strong>
                </p>
                <p>
                  <span className={q.credit === 1 ? "tag" : "tag tag--off"}>
                    {q.credit === 1
                      ? t("quiz.questionCorrect")
                      : q.credit > 0
                        ? t("quiz.questionPartial", { percent: Math.round(q.credit * 100) })
                        : t("quiz.questionWrong")}
                  </span>{" "}
                  {q.answers ? t("quiz.yourAnswer", { answer: q.answers.yours }) : null}
                </p>
                {q.answers ? <p>{t("quiz.correctAnswer", { answer: q.answers.correct })}</p> : null}
                <p>
                  {q.answers ? (
                    <>
                      <em>{t("quiz.explanation")}:</em> {q.answers.explanation}{" "}
                    </>
                  ) : null}
                  <AppLink to={`${base}/hoc/${d.module.slug}/${q.lesson.slug}`}>{t("quiz.seeLesson", { title: q.lesson.title })}</AppLink>
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {d.open ? (
        <AppForm className="quiz-form stack" noValidate data-quiz-path={path} data-token={d.open.token}>
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="token" value={d.open.token} />
          {d.open.deadline ? <p className="notice">{t("quiz.deadline", { time: d.open.deadline, grace: d.open.grace })}</p> : null}
          {d.open.deadlineIso ? <QuizCountdown deadlineIso={d.open.deadlineIso} /> : null}
          <div data-quiz-restored />
          <ol className="quiz-questions">
            {d.open.questions.map((q, i) => (
              <li key={q.id}>
                <FieldGroup
                  className=""
                  error={errors[`a.${q.id}`]}
                  legend={
                    <>
                      <span className="muted">{t("quiz.question", { n: i + 1 })}. </span>
                      {q.prompt}
                    </>
                  }
                >
                  {q.type === "single" || q.type === "multiple" ? (
                    <>
                      <p className="muted">{q.type === "single" ? t("quiz.chooseOne") : t("quiz.chooseMany")}</p>
                      {q.options!.map((o) => (
                        <label key={o.id} className="quiz-option">
                          <input type={q.type === "single" ? "radio" : "checkbox"} name={`a.${q.id}`} value={o.id} /> {o.text}
                        </label>
                      ))}
                    </>
                  ) : q.type === "true-false" ? (
                    <>
                      <label className="quiz-option">
                        <input type="radio" name={`a.${q.id}`} value="true" /> {t("quiz.true")}
                      </label>
                      <label className="quiz-option">
                        <input type="radio" name={`a.${q.id}`} value="false" /> {t("quiz.false")}
                      </label>
                    </>
                  ) : (
                    <label className="quiz-option">
                      {t("quiz.numberLabel")}: <input name={`a.${q.id}`} inputMode="decimal" autoComplete="off" size={8} /> {q.unit ?? ""}
                    </label>
                  )}
                </FieldGroup>
              </li>
            ))}
          </ol>
          <div data-quiz-status />
          <div>
            <button type="submit">{t("quiz.submit")}</button>
          </div>
        </AppForm>
      ) : d.tracking ? (
        d.attemptsLeft > 0 ? (
          <AppForm>
            <input type="hidden" name="intent" value="start" />
            <p>{t("quiz.attemptsLeft", { left: d.attemptsLeft })}</p>
            <button type="submit">{d.history.length ? t("quiz.retry") : t("quiz.start")}</button>
          </AppForm>
        ) : (
          <p className="notice">{t("quiz.noAttemptsLeft", { attempts: d.quiz.attemptsAllowed })}</p>
        )
      ) : (
        <p className="notice">{t("modules.lesson.notEnrolled")}</p>
      )}
      {d.history.length ? (
        <section className="card">
          <h2>{t("quiz.history")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("quiz.historyAttempt", { n: "" }).trim()}</th>
                  <th scope="col">{t("quiz.historyWhen")}</th>
                  <th scope="col">{t("quiz.historyScore")}</th>
                  <th scope="col">{t("quiz.historyResult")}</th>
                </tr>
              </thead>
              <tbody>
                {d.history.map((h) => (
                  <tr key={h.id}>
                    <td>{t("quiz.historyAttempt", { n: h.n })}</td>
                    <td>{h.submittedAt ?? "—"}</td>
                    <td>{h.percent !== null ? `${formatDecimal(h.percent)}%` : "—"}</td>
                    <td>
                      {h.status === "OPEN" ? (
                        t("quiz.historyOpen")
                      ) : h.status === "EXPIRED" ? (
                        t("quiz.historyExpired")
                      ) : (
                        <AppLink to={`?ket-qua=${h.id}`}>
                          {h.status === "LATE" ? t("quiz.late") : h.passed ? t("quiz.passed") : t("quiz.failed")} · {t("quiz.view")}
                        </AppLink>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {d.script ? <script nonce={nonce} src={d.script} defer /> : null}
    </div>
  );
}
