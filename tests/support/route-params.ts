import { db } from "~/db/db.server";
import { demoAccount, userIdOf } from "./http";

/**
 * A real value for every dynamic segment used by the app's routes, taken from the demo seed,
 * so the route matrix can request each page. Add a line when a route adds a new `$param`.
 */
export async function routeParams(): Promise<Record<string, string>> {
  return {
    userId: String(await userIdOf(demoAccount("learner").email)),
    // attendance: the seeded course (taught by the demo trainer) and its first class session
    courseId: String((await db().course.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
    sessionId: String((await db().classSession.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
  };
}
