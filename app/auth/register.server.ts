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

export type RegisterOutcome = { ok: true; userId: number } | { ok: false; field: "code" | "unitId" | "_form"; error: "codeUnknown" | "badUnit" | "taken" };

/** Self-registration with a course enrolment code: account, role at the unit and enrolment in one transaction. */
export async function register(input: Registration): Promise<RegisterOutcome> {
  const course = await courseByEnrolmentCode(input.code);
  if (!course) return { ok: false, field: "code", error: "codeUnknown" };
  const unit = await db().unit.findUnique({ where: { id: input.unitId }, select: { id: true, path: true, active: true } });
  if (!unit || !unit.active || !unit.path.startsWith(course.unit.path)) return { ok: false, field: "unitId", error: "badUnit" };
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const clash = await tx.user.findFirst({
      where: { OR: [{ phone: input.phone }, ...(input.email ? [{ email: input.email }] : [])] },
      select: { id: true },
    });
    if (clash) return { ok: false, field: "_form", error: "taken" } as const;
    const user = await tx.user.create({
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
    return { ok: true, userId: user.id } as const;
  });
}
