import { definePermissions } from "~/auth/access";

/** Appraisal: appraisers act on cases at their level within their unit; admins see statistics and record results. */
export const appraisalPermissions = definePermissions({
  appraise: ["appraiser"],
  statistics: ["appraiser", "admin"],
  recordResult: ["admin"],
  notifications: ["learner", "producer", "trainer", "consultant", "appraiser", "admin"],
});
