import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as roster from "~/routes/khoa-hoc.$courseId.hoc-vien";
import { loadProvince } from "~/units/catalogue.server";
import { cookieFor, postRequest, run, tableCounts, testContext } from "../support/http";

/**
 * Adding one learner by hand with the unit as officers write it (issue 18): a former commune goes to its successor
 * with a note naming both; one split between several new communes is not refused but answered with those communes
 * to pick from, as the roster preview does — a plain form post, so it works without JavaScript.
 */
async function poster() {
  const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
  const cookie = await cookieFor("trainer");
  return (fields: Record<string, string>) =>
    run(() =>
      roster.action({
        request: postRequest(`/khoa-hoc/${course.id}/hoc-vien`, { intent: "add", ...fields }, { cookie }),
        params: { courseId: String(course.id) },
        context: testContext(),
      }),
    );
}

const learner = { fullName: "Võ Thị Chia", phone: "0916 200 301", category: "chủ thể OCOP" };

describe("adding one learner whose commune no longer exists", () => {
  it("offers the new communes of a split one, with a warning naming the former and the new, and writes nothing yet", async () => {
    const post = await poster();
    const before = await tableCounts();
    const asked = await post({ ...learner, unit: "Phường Đại Nài" });
    expect(asked.status).toBe(422);
    const choices: { id: number; name: string }[] = asked.data.detail.unitChoices;
    expect(choices.length).toBeGreaterThan(1);
    expect(asked.data.errors.unit).toContain("Phường Đại Nài");
    for (const c of choices) expect(asked.data.errors.unit).toContain(c.name);
    expect(asked.data.values.unit).toBe("Phường Đại Nài"); // the form is refilled without JavaScript
    expect(await tableCounts()).toEqual(before);
  });

  it("adds the learner in the new commune picked, and says where the former one went", async () => {
    const post = await poster();
    const choices: { id: number; name: string }[] = (await post({ ...learner, unit: "Phường Đại Nài" })).data.detail.unitChoices;
    const done = await post({ ...learner, unit: "Phường Đại Nài", unitChoice: String(choices[1].id) });
    expect(done.status).toBe(200);
    expect(done.data.message).toContain(`Phường Đại Nài → ${choices[1].name}`);
    const user = await db().user.findUniqueOrThrow({ where: { phone: "0916200301" }, select: { unitId: true, enrolments: { select: { courseId: true } } } });
    expect(user.unitId).toBe(choices[1].id);
    expect(user.enrolments).toHaveLength(1);
  });

  it("asks again when the pick is not one of the new communes (another province's, or none), writing nothing", async () => {
    const post = await poster();
    const elsewhere = (await loadProvince("40"))!.provinceId;
    const outsider = await db().unit.findFirstOrThrow({ where: { parentId: elsewhere, level: "COMMUNE", validUntil: null } });
    const canLoc = await db().unit.findFirstOrThrow({ where: { name: "Xã Can Lộc" } });
    const before = await tableCounts();
    for (const unitChoice of [String(outsider.id), String(canLoc.id), ""]) {
      const res = await post({ ...learner, unit: "Phường Đại Nài", unitChoice });
      expect(res.status, unitChoice).toBe(422);
      expect(res.data.detail.unitChoices.map((c: { id: number }) => c.id)).not.toContain(Number(unitChoice));
    }
    expect((await post({ ...learner, unit: "Phường Đại Nài", unitChoice: "abc" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("places a former commune with one successor there, with a note naming both", async () => {
    const post = await poster();
    const done = await post({ ...learner, phone: "0916 200 302", unit: "Xã Thiên Lộc, Huyện Can Lộc" });
    expect(done.status).toBe(200);
    expect(done.data.message).toContain("Xã Thiên Lộc → Xã Can Lộc");
    const user = await db().user.findUniqueOrThrow({ where: { phone: "0916200302" }, select: { unit: { select: { name: true } } } });
    expect(user.unit?.name).toBe("Xã Can Lộc");
  });
});
