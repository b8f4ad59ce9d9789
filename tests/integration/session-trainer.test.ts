import { describe, expect, it } from "vitest";
import { type SessionInput, createClassSession, updateClassSession } from "~/attendance/sessions.server";
import { db } from "~/db/db.server";
import { COURSE } from "../../prisma/demo-data";
import { demoAccount, userIdOf } from "../support/http";

/** The session's trainer must teach the class: the capability says so, for a new session and an edited one alike. */
const input = (trainerId: number | null): SessionInput => ({
  title: "Buổi kiểm thử",
  startsAt: new Date("2026-11-20T01:00:00Z"),
  endsAt: new Date("2026-11-20T04:00:00Z"),
  place: "Hội trường",
  trainerId,
  rotateSeconds: 30,
  graceBeforeMin: 15,
  graceAfterMin: 30,
  lateAfterMin: 15,
});

describe("a class session's trainer", () => {
  it("is one of the class's trainers, or nobody; anyone else is refused and nothing is written", async () => {
    const course = await db().course.findUniqueOrThrow({ where: { code: COURSE.code } });
    const trainerId = await userIdOf(demoAccount("trainer").email);
    const outsider = await userIdOf("0913000001"); // a learner of the class, not its trainer
    const before = await db().classSession.count({ where: { courseId: course.id } });

    expect(await createClassSession(course.id, input(outsider))).toEqual({ ok: false, error: "trainerInvalid" });
    expect(await db().classSession.count({ where: { courseId: course.id } })).toBe(before);

    const created = await createClassSession(course.id, input(trainerId));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.id : 0;
    expect(await createClassSession(course.id, input(null))).toMatchObject({ ok: true });

    expect(await updateClassSession(course.id, id, { ...input(outsider), place: "Nơi khác" })).toEqual({ ok: false, error: "trainerInvalid" });
    expect(await db().classSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ place: "Hội trường", trainerId });
    expect(await updateClassSession(course.id, id, { ...input(null), place: "Nơi khác" })).toEqual({ ok: true, id });
  });
});
