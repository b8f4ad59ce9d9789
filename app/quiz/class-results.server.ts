import { getContent } from "~/content/content.server";
import { formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/quiz-trainer";
import { classAttempts } from "./quiz.server";
import { FLAG_MIN_ANSWERS } from "./item-stats";
import { classResults } from "./results";

/** Quiz results of a class (checked by the route), one module at a time: `wanted`, else the first with a quiz. */
export async function classQuizResults(course: { id: number; title: string; code: string }, wanted: string | null) {
  const index = await getContent();
  const withQuiz = index.modules.filter((m) => m.quiz);
  const module = withQuiz.find((m) => m.slug === wanted) ?? withQuiz[0];
  const stats = classResults(module.quiz!, await classAttempts(course.id, module.slug));
  const lessons = new Map(module.lessons.map((l) => [l.slug, l.title]));
  return {
    course: { id: course.id, title: course.title, code: course.code },
    modules: withQuiz.map((m) => ({ slug: m.slug, label: `${t("modules.course.module", { n: m.order })}: ${m.title}` })),
    module: { slug: module.slug, order: module.order, title: module.title },
    ...stats,
    questions: stats.questions.map((q) => ({ ...q, lesson: lessons.get(q.lesson) ?? q.lesson })),
    flagMinAnswers: FLAG_MIN_ANSWERS,
  };
}

export function exportQuizTable(r: Awaited<ReturnType<typeof classQuizResults>>) {
  const headers = [
    t("modules.export.stt"),
    t("modules.trainer.name"),
    t("modules.trainer.contact"),
    t("modules.trainer.unit"),
    t("quiz.trainer.attempts"),
    t("quiz.trainer.best"),
    t("quiz.trainer.passed"),
    t("quiz.trainer.lastSubmitted"),
  ];
  const rows = r.rows.map((row, i) => [
    i + 1,
    row.fullName,
    row.contact,
    row.unit,
    row.attempts,
    row.best,
    row.attempts === 0 ? t("quiz.trainer.notTaken") : row.passed ? t("quiz.passed") : t("quiz.failed"),
    row.last ? formatDateTime(row.last) : "",
  ]);
  return { headers, rows };
}

/** The item statistics as a table (the `bang=cau-hoi` export). */
export function exportItemTable(r: Awaited<ReturnType<typeof classQuizResults>>) {
  const headers = [
    "#",
    t("quiz.trainer.question"),
    t("quiz.trainer.lesson"),
    t("quiz.trainer.answers"),
    `${t("quiz.trainer.questionShare")} (%)`,
    t("quiz.trainer.discrimination"),
    t("quiz.trainer.commonWrong"),
    t("quiz.trainer.flag"),
  ];
  const rows = r.questions.map((q) => [
    q.n,
    q.prompt,
    q.lesson,
    q.answers,
    q.share,
    q.discrimination,
    q.commonWrong ? t("quiz.trainer.commonWrongCount", { answer: q.commonWrong.text, count: q.commonWrong.count }) : "",
    q.flagged ? t("quiz.trainer.flagged") : "",
  ]);
  return { headers, rows };
}
