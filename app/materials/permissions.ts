import { definePermissions } from "~/auth/access";

/**
 * A class's local lessons and attachments. Object-level rules on top (app/access): learners and
 * producers read those of the classes they are enrolled in, trainers those they teach, admins those
 * of their units; trainers and admins of the class write them.
 */
export const materialPermissions = definePermissions({
  /** the materials list, a local lesson, a download */
  read: ["learner", "producer", "trainer", "admin"],
  /** add, edit, delete lessons; upload and delete attachments */
  manage: ["trainer", "admin"],
});
