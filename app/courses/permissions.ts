import { definePermissions } from "~/auth/access";

/**
 * Who may run classes. The object-level check is app/access's: an admin manages the classes whose
 * organising unit lies within their units (province; district or commune where that level exists).
 */
export const classPermissions = definePermissions({
  /** create, edit, archive, copy a class; its trainers, modules, audience and enrolment code */
  manage: ["admin"],
});
