import { definePermissions } from "~/auth/access";

/**
 * Quizzes. Object-level rules on top (app/access): learners and producers take
 * the quizzes of courses they are enrolled in; trainers of THIS course and admins of its unit see
 * the class results; trainers of THIS course grant a learner extra attempts or time.
 */
export const quizPermissions = definePermissions({
  /** the quiz page (trainers and admins see its settings, not the questions) */
  take: ["learner", "producer", "trainer", "admin"],
  viewClassResults: ["trainer", "admin"],
  /** extra attempts or minutes for one learner: the class's own trainers (decision 0040) */
  grantExtra: ["trainer"],
});
