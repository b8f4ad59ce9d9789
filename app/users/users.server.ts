import { activationExpiry, activationHash, newActivationCode } from "~/attendance/activation";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { reachesNothing } from "~/access/access.server";
import { type Prisma, db } from "~/db/db.server";
import { foldForSearch } from "~/i18n/fold";
import { personContact } from "~/users/person-select";

export const USERS_PER_PAGE = 50;

/** What the search box matches: the folded name, email and phone. */
export function searchKey(user: { fullName: string; email?: string | null; phone?: string | null }) {
  return foldForSearch([user.fullName, user.email ?? "", user.phone ?? ""].join(" "));
}

/** One page of the people within a scope (a fragment from app/access), filtered by a diacritics-free query and a role. */
export async function searchUsers(scope: Prisma.UserWhereInput, query: string, filter: { role?: Role | null; page?: number } = {}) {
  const words = foldForSearch(query).split(" ").filter(Boolean).slice(0, 6);
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    AND: [scope, ...words.map((w) => ({ searchName: { contains: w } })), ...(filter.role ? [{ roles: { some: { role: filter.role } } }] : [])],
  };
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        ...personContact,
        active: true,
        unit: { select: { name: true } },
        roles: { select: { role: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
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
  await db().$transaction([db().user.update({ where: { id: userId }, data: { active } }), ...(active ? [] : [db().session.deleteMany({ where: { userId } })])]);
}

export type Profile = { fullName: string; phone?: string; email?: string; unitId: number };

/** Changes a person's name, contact and unit; refuses a phone or email that another account holds. */
export async function updateProfile(userId: number, input: Profile): Promise<{ ok: true } | { ok: false; taken: "phone" | "email" }> {
  return db().$transaction(async (tx) => {
    for (const field of ["phone", "email"] as const) {
      const value = input[field];
      if (value && (await tx.user.findFirst({ where: { [field]: value, id: { not: userId } }, select: { id: true } })))
        return { ok: false, taken: field } as const;
    }
    await tx.user.update({
      where: { id: userId },
      data: { fullName: input.fullName, phone: input.phone ?? null, email: input.email ?? null, unitId: input.unitId, searchName: searchKey(input) },
    });
    return { ok: true } as const;
  });
}

/**
 * A password reset by an admin: a fresh one-time code (the activation code of a roster import) that the person
 * uses at /kich-hoat to choose a new password. The old password keeps working until then; only the hash is stored.
 */
export async function issueResetCode(userId: number, now = new Date()): Promise<string> {
  const code = newActivationCode();
  // courseId null marks an admin's reset: the one kind of code that may replace a password in use (activateAccount)
  const data = { codeHash: activationHash(userId, code), expiresAt: activationExpiry(now), usedAt: null, createdAt: now, courseId: null };
  await db().accountActivation.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return code;
}
