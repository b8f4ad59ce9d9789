import { definePermissions } from "~/auth/access";

/** Who may manage the unit tree and a province's appraisal settings. */
export const unitPermissions = definePermissions({
  manageUnits: ["admin"],
  /** loading provinces of the national catalogue: an admin held at a province (not a district's) */
  loadCatalogue: ["admin"],
  manageSettings: ["admin"],
});
