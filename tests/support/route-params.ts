import { db } from "~/db/db.server";
import { demoAccount, userIdOf } from "./http";

/**
 * A real value for every dynamic segment used by the app's routes, taken from the demo seed,
 * so the route matrix can request each page. Add a line when a route adds a new `$param`.
 */
export async function routeParams(): Promise<Record<string, string>> {
  return {
    userId: String(await userIdOf(demoAccount("learner").email)),
    code: "ABCD-EFGH-JKMN-PQRS",
    // the seeded course (the demo learner and producer are enrolled, the demo trainer teaches it)
    courseId: String((await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
    moduleSlug: "tieu-chi-danh-gia", // also the quiz page's module
    lessonSlug: "cham-diem-va-xep-hang-sao",
    // attendance: the seeded course's first class session
    sessionId: String((await db().classSession.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
  };
}
