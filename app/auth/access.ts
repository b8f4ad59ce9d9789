import type { Role, RoleGrant } from "./roles";

/**
 * Who may reach a loader or action. Each capability declares its rules in one table
 * (`app/<capability>/permissions.ts`); every route exports the rule of its page as `access`,
 * which the route matrix test reads.
 */
export type Access = (
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "role"; name: string; roles: readonly Role[] }
) & {
  /** The page also checks the object itself (e.g. only a certificate's holder): others get 404. */
  objectLevel?: boolean;
};

export const PUBLIC: Access = { kind: "public" };
export const SIGNED_IN: Access = { kind: "signed-in" };

/** The same rule, with a per-object check in the loader (a 404 for objects the user may not see). */
export function perObject<A extends Access>(access: A): A {
  return { ...access, objectLevel: true };
}

export function definePermissions<K extends string>(
  table: Record<K, readonly Role[]>,
): Record<K, Extract<Access, { kind: "role" }>> {
  const out = {} as Record<K, Extract<Access, { kind: "role" }>>;
  for (const name of Object.keys(table) as K[]) out[name] = { kind: "role", name, roles: table[name] };
  return out;
}

/** Does the unit with `unitPath` lie within (or equal) the unit granted? Paths look like "/1/4/17/". */
export function unitWithin(unitPath: string, grantPath: string): boolean {
  return unitPath.startsWith(grantPath);
}

/**
 * The grants that satisfy `access`, optionally for a target unit (given by its path).
 * Pure, so the rules can be tested without HTTP or a database.
 */
export function grantsFor(grants: readonly RoleGrant[], access: Access, targetUnitPath?: string): RoleGrant[] {
  if (access.kind !== "role") return [...grants];
  return grants.filter(
    (g) => access.roles.includes(g.role) && (targetUnitPath === undefined || unitWithin(targetUnitPath, g.unitPath)),
  );
}

export function allows(grants: readonly RoleGrant[], access: Access, targetUnitPath?: string): boolean {
  return access.kind !== "role" || grantsFor(grants, access, targetUnitPath).length > 0;
}
