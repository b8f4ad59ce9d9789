import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableCourse } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { tableDownload } from "~/exports/download.server";
import { exportFormat } from "~/exports/table";
import { t } from "~/i18n/messages";
import "~/i18n/quiz-trainer";
import { classQuizResults, exportItemTable, exportQuizTable } from "~/quiz/class-results.server";
import { quizPermissions } from "~/quiz/permissions";

export const access = quizPermissions.viewClassResults;

/** CSV (UTF-8 with BOM) or XLSX of one quiz's results for the class, or (`bang=cau-hoi`) of its item statistics. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const course = await reachableCourse(auth, params.courseId, access);
  const search = new URL(request.url).searchParams;
  const r = await classQuizResults(course, search.get("chuyen-de"));
  const format = exportFormat(search);
  if (search.get("bang") === "cau-hoi") {
    const { headers, rows } = exportItemTable(r);
    return tableDownload(format, `cau-hoi-${r.course.code}-${r.module.slug}`, t("quiz.trainer.itemSheet"), headers, rows);
  }
  const { headers, rows } = exportQuizTable(r);
  return tableDownload(format, `ket-qua-${r.course.code}-${r.module.slug}`, t("quiz.trainer.sheet"), headers, rows);
}
