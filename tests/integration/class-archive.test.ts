import crypto from "node:crypto";
import { tableNames, tableRows } from "~/db/tables.server";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { currentCode } from "~/attendance/checkin-code";
import { db } from "~/db/db.server";
import { ORIGIN, cookieFor, demoAccount, testContext, userIdOf } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * An archived class is read-only: every intent of every class page's action is refused with a 409 and a
 * Vietnamese message, and nothing is written; reads, reports and certificate verification still answer.
 * The list below must name every action of a class page (a new one fails the first test until it is added).
 */
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");

type Ctx = { params: Record<string, string>; learnerId: number; certificateCode: string };
type Body = Record<string, string> | FormData;
const csv = (rows: string) => {
  const form = new FormData();
  form.append("file", new File([rows], "danh-sach.csv", { type: "text/csv" }));
  return form;
};

/** route → intent → what its rightful user posts (the demo trainer, or the admin for the settings page). */
const MUTATIONS: Record<string, { who: "trainer" | "admin"; bodies: Record<string, (c: Ctx) => Body> }> = {
  "routes/khoa-hoc.$courseId.diem-danh._index": {
    who: "trainer",
    bodies: {
      create: () => ({
        intent: "create",
        date: "2026-12-20",
        start: "08:00",
        end: "11:00",
        rotateSeconds: "30",
        graceBeforeMin: "15",
        graceAfterMin: "30",
        lateAfterMin: "15",
      }),
      cancel: (c) => ({ intent: "cancel", sessionId: c.params.sessionId }),
      restore: (c) => ({ intent: "restore", sessionId: c.params.sessionId }),
    },
  },
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId._index": {
    who: "trainer",
    bodies: {
      save: (c) => ({ intent: "save", ids: String(c.learnerId), [`mark.${c.learnerId}`]: "ABSENT", loadedAt: String(Date.now()) }),
      rest: (c) => ({ intent: "rest", status: "ABSENT", confirmed: "1", ids: String(c.learnerId) }),
    },
  },
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId.sua": {
    who: "trainer",
    bodies: {
      edit: () => ({
        title: "Sửa",
        date: "2026-12-20",
        start: "08:00",
        end: "11:00",
        place: "x",
        rotateSeconds: "30",
        graceBeforeMin: "15",
        graceAfterMin: "30",
        lateAfterMin: "15",
      }),
    },
  },
  "routes/khoa-hoc.$courseId.hoc-vien": {
    who: "trainer",
    bodies: {
      add: () => ({ intent: "add", fullName: "Người Mới", phone: "0917111222", unit: "Xã Thiên Lộc" }),
      remove: (c) => ({ intent: "remove", userId: String(c.learnerId) }),
      reissue: () => ({ intent: "reissue" }),
    },
  },
  "routes/khoa-hoc.$courseId.nhap-danh-sach": {
    who: "trainer",
    bodies: {
      preview: () => csv("Họ và tên,Số điện thoại,Đơn vị\nNgười Mới,0917111333,Xã Thiên Lộc\n"),
      confirm: () => ({ intent: "confirm", token: "x".repeat(24) }),
    },
  },
  "routes/khoa-hoc.$courseId.chung-nhan": {
    who: "trainer",
    bodies: {
      rule: () => ({ intent: "rule", minAttendancePercent: "10" }),
      issue: () => ({ intent: "issue" }),
      revoke: (c) => ({ intent: "revoke", userIds: String(c.learnerId), reason: "thử" }),
    },
  },
  "routes/khoa-hoc.$courseId.ket-qua-kiem-tra_.hoc-vien.$enrolmentId": {
    who: "trainer",
    bodies: { grant: () => ({ module: "tieu-chi-danh-gia", extraAttempts: "1", extraMinutes: "0", reason: "Mất điện" }) },
  },
  "routes/khoa-hoc.$courseId.canh-bao-vang": {
    who: "trainer",
    bodies: { save: () => ({ intent: "save", minAttendancePercent: "80", maxWarnings: "2" }), off: () => ({ intent: "off" }) },
  },
  "routes/khoa-hoc.$courseId.tai-lieu._index": {
    who: "trainer",
    bodies: {
      deleteAttachment: (c) => ({ intent: "deleteAttachment", attachmentId: c.params.fileId }),
      deleteLesson: (c) => ({ intent: "deleteLesson", lessonId: c.params.lessonId }),
      upload: () => {
        const form = new FormData();
        form.append("intent", "upload");
        form.append("file", new File([new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n"))], "tai-lieu.pdf"));
        return form;
      },
    },
  },
  "routes/khoa-hoc.$courseId.tai-lieu.bai-moi": {
    who: "trainer",
    bodies: { save: () => ({ title: "Bài mới", body: "Nội dung" }) },
  },
  "routes/khoa-hoc.$courseId.tai-lieu.$lessonId.sua": {
    who: "trainer",
    bodies: { save: () => ({ title: "Bài sửa", body: "Nội dung" }) },
  },
  "routes/khoa-hoc.$courseId.cai-dat": {
    who: "admin",
    bodies: {
      details: () => ({
        intent: "details",
        title: "Đổi tên",
        code: "HT-OCOP-01",
        unitId: "1",
        startsOn: "2026-11-02",
        endsOn: "2027-06-30",
        "position.kien-thuc-chung": "1",
      }),
      addTrainer: (c) => ({ intent: "addTrainer", userId: String(c.learnerId) }),
      removeTrainer: (c) => ({ intent: "removeTrainer", userId: c.params.trainerId }),
      rotateCode: () => ({ intent: "rotateCode" }),
      closeCode: () => ({ intent: "closeCode" }),
      archive: () => ({ intent: "archive" }),
    },
  },
};

/** Class pages whose actions are the learner's own study (lesson progress, quiz attempts: issue 17's progress part). */
const LEARNER_OWN = new Set(["routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug", "routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug"]);

/** Rows of every table but sessions and throttle counters, hashed: "nothing was written" catches updates too. */
async function digest(): Promise<string> {
  const tables = (await tableNames()).filter((n) => n !== "Session" && n !== "ThrottleHit");
  const hash = crypto.createHash("sha256");
  for (const name of tables) {
    const rows = await tableRows(name);
    hash.update(name + JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
  }
  return hash.digest("hex");
}

function urlOf(routeId: string, params: Record<string, string>): string {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) {
    const p = build.routes[id].path;
    if (p) parts.unshift(p);
  }
  return `/${parts.join("/")}`.replace(/:(\w+)/g, (_m, name: string) => params[name]);
}

let ctx: Ctx;
let courseId: number;

beforeEach(async () => {
  const params = await routeParams();
  courseId = Number(params.courseId);
  const learnerId = await userIdOf(demoAccount("learner").email);
  const trainerId = await userIdOf(demoAccount("trainer").email);
  const cert = await db().certificate.create({
    data: {
      code: "ARCH-VEDC-DEKM-PQRS",
      courseId,
      userId: learnerId,
      holderName: "Nguyễn Văn An",
      courseTitle: "Lớp",
      courseStartsOn: new Date(),
      courseEndsOn: new Date(),
      issuer: "VP",
    },
  });
  ctx = { params: { ...params, trainerId: String(trainerId) }, learnerId, certificateCode: cert.code };
  await db().course.update({ where: { id: courseId }, data: { status: "ARCHIVED", archivedAt: new Date() } });
});

const post = async (url: string, body: Body, cookie: string) =>
  handler(
    new Request(ORIGIN + url, {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, Host: new URL(ORIGIN).host },
      body: body instanceof FormData ? body : new URLSearchParams(body),
    }),
    testContext(),
  );

describe("an archived class is read-only", () => {
  it("the list names every action of a class page", () => {
    const withAction = Object.values(build.routes)
      .filter((r) => r.id.startsWith("routes/khoa-hoc.$courseId") && (r.module as { action?: unknown }).action)
      .map((r) => r.id)
      .filter((id) => !LEARNER_OWN.has(id));
    expect(withAction.sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  it.each(Object.keys(MUTATIONS))("%s: every intent is refused (409, a Vietnamese message) and nothing is written", async (routeId) => {
    const { who, bodies } = MUTATIONS[routeId];
    const cookie = await cookieFor(who);
    const url = urlOf(routeId, ctx.params);
    const before = await digest();
    for (const [intent, body] of Object.entries(bodies)) {
      const res = await post(url, body(ctx), cookie);
      expect(res.status, `${intent} on ${url}`).toBe(409);
      expect(await res.text(), intent).toContain("Lớp đã lưu trữ");
    }
    expect(await digest()).toBe(before);
  });

  it("joining with the code and self check-in are refused", async () => {
    const course = await db().course.findUniqueOrThrow({ where: { id: courseId } });
    const stranger = await db().user.create({
      data: {
        fullName: "Người Mới",
        phone: "0918300001",
        unitId: course.unitId,
        searchName: "nguoi moi",
        roles: { create: { role: "learner", unitId: course.unitId } },
      },
    });
    const before = await digest();
    const joined = await post("/khoa-hoc/tham-gia", { code: course.enrolmentCode }, await cookieFor(stranger.id));
    expect(joined.status).toBe(409);
    expect(await digest()).toBe(before);
    // a session open now, and the learner's mark cleared: the right code still checks nobody in
    const session = await db().classSession.update({
      where: { id: Number(ctx.params.sessionId) },
      data: { startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000), status: "SCHEDULED" },
    });
    await db().attendance.deleteMany({ where: { sessionId: session.id, userId: ctx.learnerId } });
    const open = await digest();
    const checkin = await post(
      "/diem-danh",
      { code: currentCode(session.checkinSecret, new Date(), session.rotateSeconds), buoi: String(session.id) },
      await cookieFor("learner"),
    );
    expect(checkin.status).toBeGreaterThanOrEqual(400);
    expect(checkin.status).toBeLessThan(500);
    expect(await digest()).toBe(open);
  });

  it("reads still work: the class page, its report, the certificate page and public verification", async () => {
    const get = async (url: string, cookie?: string) => handler(new Request(ORIGIN + url, { headers: cookie ? { Cookie: cookie } : {} }), testContext());
    const trainer = await cookieFor("trainer");
    expect((await get(`/khoa-hoc/${courseId}`, await cookieFor("learner"))).status).toBe(200);
    expect((await get(`/khoa-hoc/${courseId}/bao-cao`, trainer)).status).toBe(200);
    expect((await get(`/khoa-hoc/${courseId}/chung-nhan`, trainer)).status).toBe(200);
    const verify = await get(`/chung-nhan/${ctx.certificateCode}`);
    expect(verify.status).toBe(200);
    // and the admin may reopen it, after which a change goes through
    const admin = await cookieFor("admin");
    expect((await post(`/khoa-hoc/${courseId}/cai-dat`, { intent: "unarchive" }, admin)).status).toBe(200);
    expect((await post(`/khoa-hoc/${courseId}/cai-dat`, { intent: "closeCode" }, admin)).status).toBe(200);
  });
});
