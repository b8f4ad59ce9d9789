import { definePermissions } from "~/auth/access";

/**
 * Who may do what with attendance. Role rules only: the routes also check the object
 * (a trainer of THIS course, an admin of the course's province; a learner enrolled in it).
 */
export const attendancePermissions = definePermissions({
  manageAttendance: ["trainer", "admin"],
});
