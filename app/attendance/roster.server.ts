import { randomBytes } from "node:crypto";
import { normalizeEmail, normalizePhone, parseIdentifier } from "~/auth/identifier";
import { hashPassword } from "~/auth/password.server";
import { type Prisma, db } from "~/db/db.server";
import { isUniqueViolation } from "~/db/errors";
import { searchKey } from "~/users/users.server";
import { activationExpiry, activationHash, activationMatches, newActivationCode } from "./activation";
import { matchUnitsWithin } from "~/units/catalogue.server";
import { notify } from "~/notifications/notifications.server";
import { provincePath } from "~/units/path";
import { admissionOf } from "~/courses/courses.server";
import { type AdmissionRefusal, admissionRefusal } from "~/courses/rules";
import { t } from "~/i18n/messages";
import { type Problem, type RosterField, type RosterRow, type RosterTable, type UnitRef, contactsIn, validateLearner, validateRoster } from "./roster";

/** Roster import and single enrolment: persistence (preview staging, all-or-nothing commit). */

type Tx = Prisma.TransactionClient;
const PREVIEW_MINUTES = 30;

async function accountsFor(client: Tx | ReturnType<typeof db>, courseId: number, phones: string[], emails: string[]) {
  if (phones.length === 0 && emails.length === 0) return [];
  const users = await client.user.findMany({
    where: { OR: [...(phones.length ? [{ phone: { in: phones } }] : []), ...(emails.length ? [{ email: { in: emails } }] : [])] },
    select: { id: true, phone: true, email: true, enrolments: { where: { courseId }, select: { id: true } } },
  });
  return users.map((u) => ({ id: u.id, phone: u.phone, email: u.email, enrolled: u.enrolments.length > 0 }));
}

/** Validates a read table against the database (units of the province, existing accounts). Reads only. */
export async function checkRoster(course: { id: number; unitPath: string }, table: RosterTable) {
  const { phones, emails } = contactsIn(table);
  const [units, accounts] = await Promise.all([matchUnitsWithin(provincePath(course.unitPath)), accountsFor(db(), course.id, phones, emails)]);
  return validateRoster(table, { units, accounts });
}

type Sheet = { headers: string[]; rows: (string | number)[][] };

/**
 * Keeps the valid rows for 30 minutes under a random token until the trainer confirms, and the refused rows (if
 * any) so the trainer can download them to fix.
 */
export async function stageRoster(courseId: number, createdById: number, fileName: string, rows: RosterRow[], refused: Sheet | null = null, now = new Date()) {
  const token = randomBytes(18).toString("base64url");
  await db().$transaction([
    db().rosterImport.deleteMany({ where: { expiresAt: { lt: now } } }),
    db().rosterImport.create({
      data: {
        token,
        courseId,
        createdById,
        fileName: fileName.slice(0, 200),
        rows: JSON.stringify(rows),
        refused: refused?.rows.length ? JSON.stringify(refused) : null,
        expiresAt: new Date(now.getTime() + PREVIEW_MINUTES * 60_000),
      },
    }),
  ]);
  return token;
}

/** The refused rows of a preview of this trainer (null when expired or none). Reads only. */
export async function refusedRows(courseId: number, userId: number, token: string, now = new Date()): Promise<{ fileName: string; sheet: Sheet } | null> {
  const staged = await db().rosterImport.findUnique({
    where: { token },
    select: { courseId: true, createdById: true, expiresAt: true, fileName: true, refused: true },
  });
  if (!staged?.refused || staged.courseId !== courseId || staged.createdById !== userId || staged.expiresAt < now) return null;
  return { fileName: staged.fileName, sheet: JSON.parse(staged.refused) as Sheet };
}

export type IssuedCode = { userId: number; fullName: string; phone: string | null; email: string | null; unitName: string; code: string };
export type CommitOutcome =
  | { ok: true; enrolled: number; created: number; invited: number; codes: IssuedCode[] }
  | { ok: false; error: "expired" | "changed" | "chooseUnit" | AdmissionRefusal };

/** The trainer's picks for split former communes (row number → unit id); a row without a valid pick is refused. */
export function applyUnitChoices(rows: RosterRow[], choices: Readonly<Record<number, number>>): RosterRow[] | null {
  const out: RosterRow[] = [];
  for (const r of rows) {
    if (!r.unitChoices) {
      out.push(r);
      continue;
    }
    const picked = r.unitChoices.find((c) => c.id === choices[r.row]);
    if (!picked) return null;
    out.push({ ...r, unitId: picked.id, unitName: picked.name, unitChoices: undefined });
  }
  return out;
}

class Changed extends Error {}
/** The class does not take these new learners (app/courses: archived, audience, capacity): nothing is written. */
class NotAdmitted extends Error {
  constructor(readonly refusal: AdmissionRefusal) {
    super(refusal);
  }
}

/**
 * Writes the rows in one transaction: new accounts are created with a learner/producer role at
 * their unit, a one-time activation code owned by this class, and enrolled. An existing account
 * (same phone or email) is NOT enrolled by a trainer: it is told, in its notifications, that the
 * class invites it to join with the class's enrolment code — so a trainer can neither pull
 * someone's account into a class nor read what they did not type (decision 0016).
 * Everything is checked again inside the transaction; any conflict rolls the whole import back.
 */
async function writeRows(tx: Tx, course: { id: number; unitPath: string }, rows: readonly RosterRow[], now: Date) {
  const unitPaths = new Map(
    (await tx.unit.findMany({ where: { path: { startsWith: provincePath(course.unitPath) } }, select: { id: true, path: true } })).map((u) => [u.id, u.path]),
  );
  const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []));
  const emails = rows.flatMap((r) => (r.email ? [r.email] : []));
  const accounts = await accountsFor(tx, course.id, phones, emails);
  const byPhone = new Map(accounts.filter((a) => a.phone).map((a) => [a.phone!, a]));
  const byEmail = new Map(accounts.filter((a) => a.email).map((a) => [a.email!, a]));
  const inviteIds: number[] = [];
  const fresh: RosterRow[] = [];
  for (const r of rows) {
    if (r.unitId === null || !unitPaths.has(r.unitId)) throw new Changed();
    const p = r.phone ? byPhone.get(r.phone) : undefined;
    const e = r.email ? byEmail.get(r.email) : undefined;
    if (p && e && p.id !== e.id) throw new Changed();
    const existing = p ?? e;
    if (existing) {
      if (!existing.enrolled && !inviteIds.includes(existing.id)) inviteIds.push(existing.id);
    } else fresh.push(r);
  }
  const admission = await admissionOf(tx, course.id);
  const refusal = admission
    ? admissionRefusal(
        admission,
        fresh.map((r) => unitPaths.get(r.unitId!)!),
      )
    : "archived";
  if (refusal) throw new NotAdmitted(refusal);
  const created = fresh.length
    ? await tx.user.createManyAndReturn({
        data: fresh.map((r) => ({
          fullName: r.fullName,
          phone: r.phone,
          email: r.email,
          unitId: r.unitId!,
          position: r.position,
          category: r.category,
          searchName: searchKey(r),
        })),
        select: { id: true, phone: true, email: true },
      })
    : [];
  const rowOf = (u: { phone: string | null; email: string | null }) => fresh.find((r) => (u.phone && r.phone === u.phone) || (u.email && r.email === u.email))!;
  const codes: IssuedCode[] = [];
  if (created.length) {
    await tx.roleAssignment.createMany({
      data: created.map((u) => {
        const r = rowOf(u);
        return { userId: u.id, role: r.category === "PRODUCER" ? "producer" : "learner", unitId: r.unitId! };
      }),
    });
    const activations = created.map((u) => {
      const r = rowOf(u);
      const code = newActivationCode();
      codes.push({ userId: u.id, fullName: r.fullName, phone: r.phone, email: r.email, unitName: r.unitName, code });
      return { userId: u.id, courseId: course.id, codeHash: activationHash(u.id, code), expiresAt: activationExpiry(now), createdAt: now };
    });
    await tx.accountActivation.createMany({ data: activations });
  }
  if (created.length) await tx.enrolment.createMany({ data: created.map((u) => ({ courseId: course.id, userId: u.id, unitNote: rowOf(u).unitNote ?? null })) });
  if (inviteIds.length) {
    const { title, enrolmentCode } = await tx.course.findUniqueOrThrow({ where: { id: course.id }, select: { title: true, enrolmentCode: true } });
    const link = `/khoa-hoc/tham-gia?ma=${encodeURIComponent(enrolmentCode)}`;
    await notify(tx, { kind: "class.invited", key: `course:${course.id}`, to: inviteIds, params: { title, code: enrolmentCode }, link });
  }
  return { enrolled: created.length, created: created.length, invited: inviteIds.length, codes };
}

export async function commitRoster(
  course: { id: number; unitPath: string },
  token: string,
  userId: number,
  now = new Date(),
  unitChoices: Readonly<Record<number, number>> = {},
): Promise<CommitOutcome> {
  try {
    return await db().$transaction(
      async (tx) => {
        const staged = await tx.rosterImport.findUnique({ where: { token } });
        if (!staged || staged.courseId !== course.id || staged.createdById !== userId || staged.expiresAt < now)
          return { ok: false, error: "expired" } as const;
        const stagedRows = JSON.parse(staged.rows) as RosterRow[];
        if (stagedRows.length === 0) return { ok: false, error: "expired" } as const; // already imported
        const rows = applyUnitChoices(stagedRows, unitChoices);
        if (!rows) return { ok: false, error: "chooseUnit" } as const;
        // the refused rows stay downloadable after the import; the valid ones are used once
        const used = staged.refused
          ? await tx.rosterImport.updateMany({ where: { token, rows: { not: "[]" } }, data: { rows: "[]" } })
          : await tx.rosterImport.deleteMany({ where: { token } });
        if (used.count === 0) return { ok: false, error: "expired" } as const;
        return { ok: true, ...(await writeRows(tx, course, rows, now)) } as const;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof NotAdmitted) return { ok: false, error: error.refusal };
    if (error instanceof Changed || isUniqueViolation(error)) return { ok: false, error: "changed" };
    throw error;
  }
}

export type AddLearnerOutcome =
  | { ok: true; codes: IssuedCode[]; invited: number; notes: string[] }
  | { ok: false; error: "invalid"; problems: Problem[] }
  | { ok: false; error: "chooseUnit"; former: string; choices: UnitRef[] }
  | { ok: false; error: "changed" | AdmissionRefusal };

/**
 * Adds one learner typed by hand: the same checks, messages and writes as one row of a roster file. A former commune
 * split between several new ones is answered, as in the roster preview, with the new communes to pick from
 * (`chooseUnit`); the trainer's pick (`unitChoice`) must be one of them. `notes` tell where a former unit went.
 */
export async function addLearner(
  course: { id: number; unitPath: string },
  fields: Record<RosterField, string>,
  unitChoice: number | null = null,
  now = new Date(),
): Promise<AddLearnerOutcome> {
  const phone = normalizePhone(fields.phone, { landline: true });
  const email = normalizeEmail(fields.email);
  const [units, accounts] = await Promise.all([
    matchUnitsWithin(provincePath(course.unitPath)),
    accountsFor(db(), course.id, phone ? [phone] : [], email ? [email] : []),
  ]);
  const { row, problems } = validateLearner(fields, { units, accounts });
  if (!row) return { ok: false, error: "invalid", problems };
  const placed = applyUnitChoices([row], unitChoice === null ? {} : { [row.row]: unitChoice })?.[0];
  if (!placed) return { ok: false, error: "chooseUnit", former: row.unitName, choices: row.unitChoices ?? [] };
  const notes = row.unitChoices
    ? [t("att.import.unitNowIn", { former: row.unitName, unit: placed.unitName })]
    : problems.flatMap((p) => (p.severity === "notice" && p.value ? [p.value] : []));
  try {
    const written = await db().$transaction((tx) => writeRows(tx, course, [placed], now));
    return { ok: true, codes: written.codes, invited: written.invited, notes };
  } catch (error) {
    if (error instanceof NotAdmitted) return { ok: false as const, error: error.refusal };
    if (error instanceof Changed || isUniqueViolation(error)) return { ok: false as const, error: "changed" as const };
    throw error;
  }
}

export async function removeLearner(courseId: number, userId: number): Promise<boolean> {
  const { count } = await db().enrolment.deleteMany({ where: { courseId, userId } });
  return count > 0;
}

/** Accounts this class created that still wait for activation. */
export async function pendingActivations(courseId: number) {
  const rows = await db().accountActivation.findMany({
    where: { usedAt: null, courseId, user: { enrolments: { some: { courseId } } } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

/**
 * New codes for the not-yet-activated accounts THIS class created (the old ones stop working).
 * An account another class created keeps its own code: a trainer cannot take it over.
 */
export async function reissueCodes(courseId: number, now = new Date()): Promise<IssuedCode[]> {
  return db().$transaction(async (tx) => {
    const pending = await tx.accountActivation.findMany({
      where: { usedAt: null, courseId, user: { enrolments: { some: { courseId } }, passwordHash: null } },
      select: { user: { select: { id: true, fullName: true, phone: true, email: true, unit: { select: { name: true } } } } },
    });
    const codes: IssuedCode[] = [];
    for (const { user } of pending) {
      const code = newActivationCode();
      await tx.accountActivation.update({ where: { userId: user.id }, data: { codeHash: activationHash(user.id, code), expiresAt: activationExpiry(now) } });
      codes.push({ userId: user.id, fullName: user.fullName, phone: user.phone, email: user.email, unitName: user.unit?.name ?? "", code });
    }
    return codes;
  });
}

/**
 * Sets a password with a one-time code. A class's code (courseId set) only activates an imported
 * account that has no password yet, so no trainer can take over an account in use; a code an admin
 * issued as a reset (courseId null, app/users issueResetCode) replaces the password. The user id, or null.
 */
export async function activateAccount(identifier: string, code: string, password: string, now = new Date()): Promise<number | null> {
  const id = parseIdentifier(identifier);
  if (!id) return null;
  const user = await db().user.findFirst({
    where: id.kind === "phone" ? { phone: id.value } : { email: id.value },
    select: { id: true, active: true, passwordHash: true, activation: { select: { codeHash: true, usedAt: true, expiresAt: true, courseId: true } } },
  });
  const a = user?.activation;
  if (!user || !user.active || !a || a.usedAt || a.expiresAt < now || !activationMatches(user.id, code, a.codeHash)) return null;
  const adminReset = a.courseId === null;
  if (user.passwordHash !== null && !adminReset) return null;
  const passwordHash = await hashPassword(password);
  const done = await db()
    .$transaction(async (tx) => {
      const { count } = await tx.accountActivation.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      if (count === 0) return false;
      const set = await tx.user.updateMany({ where: adminReset ? { id: user.id } : { id: user.id, passwordHash: null }, data: { passwordHash } });
      if (set.count === 0) throw new Changed(); // a password was set meanwhile: roll the code's use back
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof Changed) return false;
      throw error;
    });
  return done ? user.id : null;
}
