import { definePermissions } from "~/auth/access";

/**
 * Who may do what with attendance. Role rules only: the routes also check the object
 * through app/access (a trainer of THIS course, an admin of the course's unit; a learner enrolled in it).
 */
export const attendancePermissions = definePermissions({
  manageAttendance: ["trainer", "admin"],
  /** self check-in with the code on the projector (for a session of a class one is enrolled in) */
  checkIn: ["learner", "producer"],
});
