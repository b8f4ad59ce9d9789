import { definePermissions } from "~/auth/access";

/**
 * Business plans. Role checks here; object-level checks in plans.server.ts (a producer sees only
 * the plans of organisations they own, a consultant only drafts they were invited to; others → 404).
 */
export const planPermissions = definePermissions({
  /** List and open plans: own plans (producer) or invited drafts (consultant). */
  viewPlans: ["producer", "consultant"],
  /** Create organisations and plans, edit steps, invite consultants. */
  editPlans: ["producer"],
  /** Officers list the ideas registered within their units and register one for a producer there. */
  unitIdeas: ["appraiser", "admin"],
});
