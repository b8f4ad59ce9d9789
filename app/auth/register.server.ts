import { guessBlockedUntil, ipGuessKey, personKey, recordGuessFailure } from "~/ops/throttle.server";
import { courseByEnrolmentCode } from "~/courses/courses.server";
import { db } from "~/db/db.server";
import { searchKey } from "~/users/users.server";
import { hashPassword } from "./password.server";

export type Registration = {
  code: string;
  fullName: string;
  phone: string;
  email?: string;
  role: "learner" | "producer";
  unitId: number;
  password: string;
};

/**
 * `received` is the one answer for a valid registration, whether an account was created or the
 * phone or email already had one: the form must not tell anyone which numbers have accounts.
 */
export type RegisterOutcome =
  | { ok: true; outcome: "received" }
  | { ok: false; field: "code"; error: "codeUnknown" }
  | { ok: false; field: "code"; error: "throttled"; until: Date }
  | { ok: false; field: "unitId"; error: "badUnit" };

/**
 * Self-registration with a course enrolment code: account, role at the unit and enrolment in one
 * transaction. Wrong codes are throttled as check-in and activation codes are (per phone typed and
 * per address, app/ops/throttle.server.ts).
 */
export async function register(input: Registration, ip: string, now = new Date()): Promise<RegisterOutcome> {
  const keys = [personKey("enrol", input.phone), ipGuessKey("enrol", ip)];
  const until = await guessBlockedUntil(keys, now);
  if (until) return { ok: false, field: "code", error: "throttled", until };
  const course = await courseByEnrolmentCode(input.code, now);
  if (!course) {
    await recordGuessFailure(keys, now);
    return { ok: false, field: "code", error: "codeUnknown" };
  }
  const unit = await db().unit.findUnique({ where: { id: input.unitId }, select: { id: true, path: true, active: true, validUntil: true } });
  // a unit of today only: the sign-up lists no former commune or district
  if (!unit || !unit.active || unit.validUntil || !unit.path.startsWith(course.unit.path)) return { ok: false, field: "unitId", error: "badUnit" };
  // Hashed in both cases, so an existing account does not answer faster.
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    const clash = await tx.user.findFirst({
      where: { OR: [{ phone: input.phone }, ...(input.email ? [{ email: input.email }] : [])] },
      select: { id: true },
    });
    if (clash) return;
    await tx.user.create({
      data: {
        fullName: input.fullName,
        phone: input.phone,
        email: input.email ?? null,
        passwordHash,
        unitId: unit.id,
        category: input.role === "producer" ? "PRODUCER" : "OTHER",
        searchName: searchKey(input),
        roles: { create: { role: input.role, unitId: unit.id } },
        enrolments: { create: { courseId: course.id } },
      },
    });
  });
  return { ok: true, outcome: "received" };
}
