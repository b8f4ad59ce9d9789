import { definePermissions } from "~/auth/access";

/** Who may manage accounts (within the units where they hold the role). */
export const userPermissions = definePermissions({
  manageUsers: ["admin"],
});
