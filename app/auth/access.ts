import type { Role, RoleGrant } from "./roles";

/**
 * Who may reach a loader or action. Each capability declares its rules in one table
 * (`app/<capability>/permissions.ts`); every route exports the rule of its page as `access`,
 * which the route matrix test reads.
 */
export type Access = ({ kind: "public" } | { kind: "signed-in" } | { kind: "role"; name: string; roles: readonly Role[] }) & {
  /** The page also checks the object itself (e.g. only a certificate's holder): others get 404. */
  objectLevel?: boolean;
};

export const PUBLIC: Access = { kind: "public" };
export const SIGNED_IN: Access = { kind: "signed-in" };

/** The same rule, with a per-object check in the loader (a 404 for objects the user may not see). */
export function perObject<A extends Access>(access: A): A {
  return { ...access, objectLevel: true };
}

export function definePermissions<K extends string>(table: Record<K, readonly Role[]>): Record<K, Extract<Access, { kind: "role" }>> {
  const out = {} as Record<K, Extract<Access, { kind: "role" }>>;
  for (const name of Object.keys(table) as K[]) out[name] = { kind: "role", name, roles: table[name] };
  return out;
}

/**
 * Does the user hold one of the rule's roles (at any unit)? The route-level check of `requireUser`;
 * which objects that reaches is app/access's answer (units, courses, plans, cases, people).
 */
export function allows(grants: readonly RoleGrant[], access: Access): boolean {
  return access.kind !== "role" || grants.some((g) => access.roles.includes(g.role));
}
