import type { Access } from "~/auth/access";
import type { Role, RoleGrant } from "~/auth/roles";

/**
 * Scope, the pure part: what each role held at a unit gives its holder over an object. The
 * permission tables (app/<capability>/permissions.ts) say which roles may do an action; this file
 * says, once, what each of those roles reaches. No I/O: unit-tested with plain grants.
 *
 *   course  — learner, producer: enrolled in it · trainer: teaches it · admin: its unit lies within theirs
 *   plan    — producer: owns its organisation · consultant: invited, while it is a draft (DRAFT, RETURNED)
 *   case    — appraiser: the producer's unit lies within theirs (read); acting (decide, comment) also
 *             needs the case open (SUBMITTED) at the appraiser's level · admin: the unit lies within theirs
 *   org     — producer: owns it · appraiser, admin: its unit lies within theirs
 *   person  — admin: the home unit and every unit where the person holds a role lie within theirs
 */
export type RoleRule = Extract<Access, { kind: "role" }>;

/** The roles of `rule` the user holds. */
export function rolesFor(grants: readonly RoleGrant[], rule: RoleRule): Set<Role> {
  return new Set(grants.filter((g) => rule.roles.includes(g.role)).map((g) => g.role));
}

/** Unit paths ("/1/4/17/") where the user holds one of `rule`'s roles (optionally only `only`). */
export function unitPathsFor(grants: readonly RoleGrant[], rule: RoleRule, only?: readonly Role[]): string[] {
  return [...new Set(grants.filter((g) => rule.roles.includes(g.role) && (!only || only.includes(g.role))).map((g) => g.unitPath))];
}

/** Does one of the granted subtrees contain the unit? A role at a unit covers the units below it. */
export function covers(paths: readonly string[], unitPath: string | null | undefined): boolean {
  return !!unitPath && paths.some((p) => unitPath.startsWith(p));
}

export const LEARNING_ROLES: readonly Role[] = ["learner", "producer"];

/** What the user is to a course, through the roles of `rule` only. Empty set: not reachable. */
export function courseVia(grants: readonly RoleGrant[], rule: RoleRule, facts: { unitPath: string; enrolled: boolean; teaches: boolean }): Set<Role> {
  const held = rolesFor(grants, rule);
  const via = new Set<Role>();
  for (const role of LEARNING_ROLES) if (held.has(role) && facts.enrolled) via.add(role);
  if (held.has("trainer") && facts.teaches) via.add("trainer");
  if (held.has("admin") && covers(unitPathsFor(grants, rule, ["admin"]), facts.unitPath)) via.add("admin");
  return via;
}

/** Statuses in which an invited consultant reads the plan (decision 0016: consultants help with drafts). */
export const CONSULTANT_STATUSES = ["DRAFT", "RETURNED"] as const;

export type PlanVia = "owner" | "consultant";

export function planVia(
  grants: readonly RoleGrant[],
  rule: RoleRule,
  userId: number,
  plan: { ownerId: number; invited: boolean; status: string },
): PlanVia | null {
  const held = rolesFor(grants, rule);
  if (held.has("producer") && plan.ownerId === userId) return "owner";
  if (held.has("consultant") && plan.invited && (CONSULTANT_STATUSES as readonly string[]).includes(plan.status)) return "consultant";
  return null;
}

/** Does the appraiser hold the case's current level at a unit covering the producer's unit? */
export function appraiserHolds(grants: readonly RoleGrant[], c: { level: string; unitPath: string }): boolean {
  return grants.some((g) => g.role === "appraiser" && g.unitLevel === c.level && c.unitPath.startsWith(g.unitPath));
}

/** An appraiser acts on a case (decides, comments) only while it is open at their level within their unit. */
export function appraiserActs(grants: readonly RoleGrant[], c: { level: string; unitPath: string; status: string }): boolean {
  return c.status === "SUBMITTED" && appraiserHolds(grants, c);
}

/** May an admin act on this person? Only when everything the person holds lies within the admin's units. */
export function coversPerson(paths: readonly string[], person: { unitPath: string | null; rolePaths: readonly string[] }): boolean {
  return covers(paths, person.unitPath) && person.rolePaths.every((p) => covers(paths, p));
}
