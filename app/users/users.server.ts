import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { reachesNothing } from "~/access/access.server";
import { type Prisma, db } from "~/db/db.server";
import { foldForSearch } from "~/i18n/fold";

export const USER_LIST_LIMIT = 100;

/** What the search box matches: the folded name, email and phone. */
export function searchKey(user: { fullName: string; email?: string | null; phone?: string | null }) {
  return foldForSearch([user.fullName, user.email ?? "", user.phone ?? ""].join(" "));
}

/** People within a scope (a fragment from app/access), filtered by a diacritics-free query. */
export async function searchUsers(scope: Prisma.UserWhereInput, query: string) {
  const words = foldForSearch(query).split(" ").filter(Boolean).slice(0, 6);
  const where = { AND: [scope, ...words.map((w) => ({ searchName: { contains: w } }))] };
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: { fullName: "asc" },
      take: USER_LIST_LIMIT,
      select: {
        id: true,
        fullName: true,
        email: true,
        phone: true,
        active: true,
        unit: { select: { name: true } },
        roles: { select: { role: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  return { users, total };
}

export function countPeople(where: Prisma.UserWhereInput) {
  return reachesNothing(where) ? Promise.resolve(0) : db().user.count({ where });
}

export type NewUser = {
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  unitId: number;
  position?: string;
  category?: string;
  roles: Role[];
};

/** Creates an account with its roles at its unit; refuses a duplicate email or phone. */
export async function createUser(input: NewUser): Promise<{ ok: true; id: number } | { ok: false; error: "taken" }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const clash = await tx.user.findFirst({
      where: { OR: [...(input.email ? [{ email: input.email }] : []), ...(input.phone ? [{ phone: input.phone }] : [])] },
      select: { id: true },
    });
    if (clash) return { ok: false, error: "taken" } as const;
    const user = await tx.user.create({
      data: {
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
        unitId: input.unitId,
        position: input.position ?? null,
        category: input.category ?? null,
        searchName: searchKey(input),
        roles: { create: input.roles.map((role) => ({ role, unitId: input.unitId })) },
      },
    });
    return { ok: true, id: user.id } as const;
  });
}

export async function addRole(userId: number, role: Role, unitId: number): Promise<"added" | "exists"> {
  const existing = await db().roleAssignment.findUnique({ where: { userId_role_unitId: { userId, role, unitId } } });
  if (existing) return "exists";
  await db().roleAssignment.create({ data: { userId, role, unitId } });
  return "added";
}

/** Removes a role only when it is held at a unit within the admin's own units. */
export async function removeRole(userId: number, assignmentId: number, withinPaths: readonly string[]) {
  await db().roleAssignment.deleteMany({
    where: { id: assignmentId, userId, unit: { OR: withinPaths.map((p) => ({ path: { startsWith: p } })) } },
  });
}

/** Deactivating ends every session of the user in the same transaction: they are out at once. */
export async function setActive(userId: number, active: boolean) {
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { active } }),
    ...(active ? [] : [db().session.deleteMany({ where: { userId } })]),
  ]);
}
