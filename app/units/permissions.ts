import { definePermissions } from "~/auth/access";

/** Who may manage the unit tree and a province's appraisal settings. */
export const unitPermissions = definePermissions({
  manageUnits: ["admin"],
  manageSettings: ["admin"],
});
