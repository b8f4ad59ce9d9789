import { definePermissions } from "~/auth/access";

/** Who may do what with certificates (the course-level check — trainer of THIS course — is app/access's). */
export const certificatePermissions = definePermissions({
  /** set the completion rule, issue and revoke for a class */
  manage: ["trainer", "admin"],
  /** see and print one's own certificates, and what is still missing */
  own: ["learner", "producer"],
});
