import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { sweepOverdue } from "~/appraisal/overdue.server";
import * as absencePage from "~/routes/khoa-hoc.$courseId.canh-bao-vang";
import * as settingsPage from "~/routes/quan-tri.cai-dat";
import { jobRegistry } from "~/jobs/registry.server";
import { startRunner } from "~/jobs/runner.server";
import { type MessageKey, t } from "~/i18n/messages";
import "~/i18n/officer";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/** The pages of the scheduled work: a class's absence warning settings (trainers) and the jobs list (admins). */
const courseId = async () => (await db().course.findUniqueOrThrow({ where: { code: COURSE.code } })).id;

const post = async (fields: Record<string, string>, cookie?: string) => {
  const id = String(await courseId());
  cookie ??= await cookieFor("trainer");
  return run(() =>
    absencePage.action({ request: postRequest(`/khoa-hoc/${id}/canh-bao-vang`, fields, { cookie }), params: { courseId: id }, context: testContext() }),
  );
};

describe("a class's absence warning settings", () => {
  it("are off until the trainer turns them on, then saved, then off again", async () => {
    const id = String(await courseId());
    const cookie = await cookieFor("trainer");
    const load = () =>
      run(() => absencePage.loader({ request: getRequest(`/khoa-hoc/${id}/canh-bao-vang`, { cookie }), params: { courseId: id }, context: testContext() }));
    expect((await load()).data).toMatchObject({ rule: null, form: { enabled: false } });

    const saved = await post({ intent: "save", minAttendancePercent: "75", maxWarnings: "3" });
    expect(saved.status).toBe(200);
    expect((await load()).data).toMatchObject({ rule: { minAttendancePercent: 75, maxWarnings: 3, copyTrainers: false } });

    await post({ intent: "save", minAttendancePercent: "80", maxWarnings: "2", copyTrainers: "on" });
    expect((await load()).data).toMatchObject({ rule: { minAttendancePercent: 80, maxWarnings: 2, copyTrainers: true } });

    await post({ intent: "off" });
    expect((await load()).data).toMatchObject({ rule: null });
  });

  it("refuses a bad threshold or count with a Vietnamese message at the field, writing nothing", async () => {
    const cookie = await cookieFor("trainer");
    const before = await tableCounts();
    const res = await post({ intent: "save", minAttendancePercent: "120", maxWarnings: "0" }, cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({ minAttendancePercent: "Nhập ngưỡng từ 1 đến 100.", maxWarnings: "Nhập số lần từ 1 đến 10." });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("the jobs on the admin settings page", () => {
  it("names every job of the registry in Vietnamese (a job added to the registry adds its name)", () => {
    for (const job of jobRegistry()) expect(t(`admin.jobs.name.${job.name}` as MessageKey)).not.toBe("");
  });

  it("lists each job: never run, then its last run, next run and result, or its error", async () => {
    const cookie = await cookieFor("admin");
    const load = async () =>
      (await run(() => settingsPage.loader({ request: getRequest("/quan-tri/cai-dat", { cookie }), params: {}, context: testContext() }))).data.jobs as {
        name: string;
        lastStartedAt: Date | null;
        nextRunAt: Date | null;
        lastResult: string | null;
        lastError: string | null;
      }[];
    const names = (await load()).map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining(["overdue", "deadline-reminders", "trainer-evening", "session-soon", "absence-warnings", "activation-expiry", "throttle-cleanup"]),
    );
    expect((await load()).every((j) => j.lastStartedAt === null)).toBe(true);

    const at = new Date("2026-12-02T03:00:00Z");
    const quiet = { info: () => {}, error: () => {} };
    const runner = startRunner({
      jobs: [
        { name: "overdue", everyMs: 60_000, run: (t) => sweepOverdue(t) },
        { name: "throttle-cleanup", everyMs: 60_000, run: async () => Promise.reject(new Error("database is locked")) },
      ],
      logger: quiet,
      clock: () => at,
      tickMs: 0,
    });
    await runner.started;
    await runner.stop();
    const jobs = await load();
    expect(jobs.find((j) => j.name === "overdue")).toMatchObject({
      lastStartedAt: at,
      nextRunAt: new Date(at.getTime() + 60_000),
      lastResult: "0",
      lastError: null,
    });
    expect(jobs.find((j) => j.name === "throttle-cleanup")).toMatchObject({ lastResult: null, lastError: "database is locked" });
  });
});
