import { db } from "~/db/db.server";
import { DEMO_PLAN_TITLE, THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
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
    // the demo learner's enrolment in the seeded course (a trainer's page of one learner's quiz attempts and grants)
    enrolmentId: String((await db().enrolment.findFirstOrThrow({ where: { user: { email: demoAccount("learner").email } }, orderBy: { id: "asc" } })).id),
    lessonSlug: "cham-diem-va-xep-hang-sao",
    // attendance: the seeded course's first class session
    sessionId: String((await db().classSession.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
    // the demo producer's plan, to which the demo consultant is invited
    planId: String((await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE } })).id),
    step: "9",
    // the demo class's local lesson (prisma/seed-materials.ts); the demo seeds no file, so a file id that names none
    lessonId: String((await db().localLesson.findFirstOrThrow({ orderBy: { id: "asc" } })).id),
    fileId: String((await db().attachment.findFirst({ orderBy: { id: "asc" } }))?.id ?? 1),
    // the plan submitted at Thiên Lộc, in the demo commune appraiser's queue
    caseId: String((await db().businessPlan.findFirstOrThrow({ where: { title: THIENLOC_PLAN_TITLE } })).id),
  };
}
