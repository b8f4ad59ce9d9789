import { definePermissions } from "~/auth/access";

/**
 * Training modules. Object-level rules on top (app/access): learners and producers
 * study the courses they are enrolled in, trainers the courses they teach, admins the courses
 * of their units.
 */
export const modulePermissions = definePermissions({
  /** catalogue, course page, lessons, score sheet */
  study: ["learner", "producer", "trainer", "admin"],
  /** join a class with its enrolment code (learners and producers; others are not tracked in a class) */
  join: ["learner", "producer"],
  /** every learner's progress in a class, exports */
  viewClassProgress: ["trainer", "admin"],
});
