import crypto from "node:crypto";
import { tableNames, tableRows } from "~/db/tables.server";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { currentCode, newSecret } from "~/attendance/checkin-code";
import type { Access } from "~/auth/access";
import { db } from "~/db/db.server";
import { addAttachment } from "~/materials/materials.server";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { APPRAISAL_DEMO, DEMO_PLAN_TITLE, THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
import { ORIGIN, cookieFor, testContext, userIdOf } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * Generated IDOR test. Every route with an id in its path (from the built route manifest) or in its
 * form (found in the page's own HTML) must have a case below: someone with the right role but
 * another scope — another class's trainer or learner, a district admin against a province object,
 * another producer, a consultant not invited, another commune's appraiser — gets 403/404 for the
 * page, for its single-fetch `.data` request and for every intent of its action, and nothing in
 * the database changes. A new id-bearing route without a case fails the test.
 */
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");

type Who = "trainerB" | "learnerB" | "districtAdmin" | "consultantB" | "producerB" | "appraiserB" | "anyLearner";
type Fixture = { params: Record<string, string>; ids: Record<string, number>; code: () => string };
type Body = Record<string, string> | ((f: Fixture) => Record<string, string> | FormData);
type Case = {
  /** who tries it (each must be refused) */
  outsiders: Who[];
  /** the rightful user whose page lists the intents the case must cover */
  insider: (typeof DEMO_ACCOUNTS)[number]["email"];
  params?: (f: Fixture) => Record<string, string>;
  query?: (f: Fixture) => string;
  /** intent (or a name for an action without intents) → the body an outsider posts */
  bodies?: Record<string, Body>;
  /** on form-id routes: intents of the page that carry no id (the user's own data), with why */
  ownIntents?: Record<string, string>;
};

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

const COURSE_PAGE = (bodies?: Record<string, Body>): Case => ({ outsiders: ["trainerB", "districtAdmin"], insider: demo("trainer"), bodies });
const SESSION_PAGE = (bodies?: Record<string, Body>): Case => ({ outsiders: ["trainerB", "districtAdmin"], insider: demo("trainer"), bodies });
const csv = (rows: string) => {
  const form = new FormData();
  form.append("file", new File([rows], "danh-sach.csv", { type: "text/csv" }));
  return form;
};

const CASES: Record<string, Case | { exempt: string }> = {
  "routes/khoa-hoc.$courseId._index": { outsiders: ["trainerB", "learnerB", "districtAdmin"], insider: demo("learner") },
  "routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug": {
    outsiders: ["trainerB", "learnerB", "districtAdmin"],
    insider: demo("learner"),
    bodies: { complete: { intent: "complete" }, score: { intent: "score", A: "30", B: "20", C: "20" } },
  },
  "routes/khoa-hoc.$courseId.kiem-tra.$moduleSlug": {
    outsiders: ["trainerB", "learnerB", "districtAdmin"],
    insider: demo("learner"),
    bodies: { start: { intent: "start" }, submit: { intent: "submit", token: "0".repeat(32) } },
  },
  "routes/khoa-hoc.$courseId.tien-do": COURSE_PAGE(),
  "routes/khoa-hoc.$courseId.tien-do.xuat": COURSE_PAGE(),
  "routes/khoa-hoc.$courseId.ket-qua-kiem-tra": COURSE_PAGE(),
  "routes/khoa-hoc.$courseId.ket-qua-kiem-tra.xuat": COURSE_PAGE(),
  // another class's trainer (or a learner's enrolment of another class under this course's id) is a 404
  "routes/khoa-hoc.$courseId.ket-qua-kiem-tra_.hoc-vien.$enrolmentId": {
    outsiders: ["trainerB", "districtAdmin"],
    insider: demo("trainer"),
    bodies: { grant: { module: "tieu-chi-danh-gia", extraAttempts: "1", extraMinutes: "0", reason: "Người lạ cho thêm" } },
  },
  "routes/khoa-hoc.$courseId.bao-cao._index": COURSE_PAGE(),
  "routes/khoa-hoc.$courseId.bao-cao.tai-ve": { ...COURSE_PAGE(), query: () => "bang=buoi&dinh-dang=csv" },
  "routes/khoa-hoc.$courseId.chung-nhan": COURSE_PAGE({
    rule: { intent: "rule", minAttendancePercent: "10" },
    issue: { intent: "issue" },
    revoke: (f) => ({ intent: "revoke", userIds: String(f.ids.demoLearner), reason: "thử" }),
  }),
  "routes/khoa-hoc.$courseId.canh-bao-vang": COURSE_PAGE({
    save: { intent: "save", minAttendancePercent: "80", maxWarnings: "2", copyTrainers: "on" },
    off: { intent: "off" },
  }),
  "routes/khoa-hoc.$courseId.hoc-vien": COURSE_PAGE({
    add: { intent: "add", fullName: "Người Lạ", phone: "0917111222", unit: "Xã Thiên Lộc" },
    remove: (f) => ({ intent: "remove", userId: String(f.ids.demoLearner) }),
    reissue: { intent: "reissue" },
  }),
  "routes/khoa-hoc.$courseId.nhap-danh-sach": COURSE_PAGE({
    preview: () => csv("Họ và tên,Số điện thoại,Đơn vị\nNgười Lạ,0917111333,Xã Thiên Lộc\n"),
    confirm: { intent: "confirm", token: "x".repeat(24) },
  }),
  "routes/khoa-hoc.$courseId.cai-dat": {
    outsiders: ["districtAdmin", "trainerB"],
    insider: demo("admin"),
    bodies: {
      details: (f) => ({
        intent: "details",
        title: "Lớp lạ",
        code: "HT-LA-01",
        unitId: String(f.ids.canLoc),
        startsOn: "2027-01-01",
        endsOn: "2027-01-02",
        "position.kien-thuc-chung": "1",
      }),
      addTrainer: (f) => ({ intent: "addTrainer", userId: String(f.ids.demoLearner) }),
      removeTrainer: (f) => ({ intent: "removeTrainer", userId: String(f.ids.demoTrainer) }),
      rotateCode: { intent: "rotateCode" },
      closeCode: { intent: "closeCode" },
      archive: { intent: "archive" },
      unarchive: { intent: "unarchive" },
      copy: { intent: "copy", startsOn: "2027-11-01", code: "HT-LA-02" },
    },
  },
  "routes/khoa-hoc.$courseId.nhap-danh-sach.loi": { ...COURSE_PAGE(), query: () => `ma=${"x".repeat(24)}` },
  "routes/khoa-hoc.$courseId.diem-danh._index": COURSE_PAGE({
    create: { intent: "create", title: "Buổi lạ", date: "2026-12-20", start: "08:00", end: "11:00", place: "Hội trường" },
    cancel: (f) => ({ intent: "cancel", sessionId: f.params.sessionId }),
    restore: (f) => ({ intent: "restore", sessionId: f.params.sessionId }),
  }),
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId._index": SESSION_PAGE({
    save: (f) => ({ intent: "save", ids: String(f.ids.demoLearner), [`mark.${f.ids.demoLearner}`]: "ABSENT", loadedAt: String(Date.now()) }),
    rest: (f) => ({ intent: "rest", status: "ABSENT", confirmed: "1", ids: String(f.ids.demoLearner) }),
  }),
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId.sua": SESSION_PAGE({
    edit: {
      title: "Sửa lạ",
      date: "2026-12-20",
      start: "08:00",
      end: "11:00",
      place: "x",
      rotateSeconds: "30",
      graceBeforeMin: "15",
      graceAfterMin: "30",
      lateAfterMin: "15",
    },
  }),
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId.ma": SESSION_PAGE(),
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId.so-ky-ten": SESSION_PAGE(),
  "routes/khoa-hoc.$courseId.diem-danh.$sessionId.trinh-chieu": SESSION_PAGE(),
  "routes/khoa-hoc.$courseId.tai-lieu._index": {
    outsiders: ["trainerB", "learnerB", "districtAdmin"],
    insider: demo("trainer"),
    bodies: {
      upload: () => {
        const form = new FormData();
        form.append("intent", "upload");
        form.append("file", new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "la.pdf", { type: "application/pdf" }));
        return form;
      },
      deleteLesson: (f) => ({ intent: "deleteLesson", lessonId: f.params.lessonId }),
      deleteAttachment: (f) => ({ intent: "deleteAttachment", attachmentId: String(f.ids.demoAttachment) }),
    },
  },
  "routes/khoa-hoc.$courseId.tai-lieu.bai-moi": COURSE_PAGE({ save: { title: "Bài lạ", body: "Nội dung lạ" } }),
  "routes/khoa-hoc.$courseId.tai-lieu.$lessonId._index": { outsiders: ["trainerB", "learnerB", "districtAdmin"], insider: demo("learner") },
  "routes/khoa-hoc.$courseId.tai-lieu.$lessonId.sua": COURSE_PAGE({ save: { title: "Bài bị sửa", body: "Nội dung bị sửa" } }),
  "routes/khoa-hoc.$courseId.tai-lieu.tep.$fileId": {
    outsiders: ["trainerB", "learnerB", "districtAdmin", "consultantB"],
    insider: demo("learner"),
    params: (f) => ({ ...f.params, fileId: String(f.ids.demoAttachment) }),
  },
  "routes/giay-chung-nhan.$code": { outsiders: ["trainerB", "learnerB", "districtAdmin"], insider: demo("learner"), params: (f) => ({ code: f.code() }) },
  "routes/chung-nhan.$code": { exempt: "public verification by design: anyone holding a printed code may check it (rate-limited)" },
  "routes/phuong-an.$planId._index": {
    outsiders: ["producerB", "consultantB"],
    insider: demo("producer"),
    bodies: {
      invite: { intent: "invite", contact: demo("consultant") },
      uninvite: (f) => ({ intent: "uninvite", userId: String(f.ids.demoConsultant) }),
      submit: { intent: "submit" },
      comment: { intent: "comment", step: "1", body: "Góp ý của người ngoài" },
    },
  },
  "routes/phuong-an.$planId.buoc.$step": {
    outsiders: ["producerB", "consultantB"],
    insider: demo("producer"),
    bodies: { save: { intent: "save", version: "1" }, autosave: { intent: "autosave", version: "1" } },
  },
  "routes/phuong-an.$planId.in": { outsiders: ["producerB", "consultantB"], insider: demo("producer") },
  "routes/tham-dinh.$caseId": {
    outsiders: ["appraiserB"],
    insider: demo("appraiser"),
    bodies: {
      decide: (f) => ({ intent: "decide", decision: "RETURN", reason: "Trả lại", revision: String(f.ids.caseRevision), version: "1" }),
      comment: { intent: "comment", step: "2", body: "Góp ý của xã khác" },
    },
  },
  "routes/quan-tri.nguoi-dung.$userId": {
    outsiders: ["districtAdmin"],
    insider: demo("admin"),
    params: (f) => ({ userId: String(f.ids.provinceOfficial) }),
    bodies: {
      addRole: (f) => ({ intent: "addRole", role: "learner", unitId: String(f.ids.canLoc) }),
      removeRole: (f) => ({ intent: "removeRole", assignmentId: String(f.ids.provinceOfficialRole) }),
      setActive: { intent: "setActive", active: "false" },
      editProfile: (f) => ({ intent: "editProfile", fullName: "Người Đổi Tên", phone: "0917111555", email: "", unitId: String(f.ids.canLoc) }),
      resetPassword: { intent: "resetPassword" },
    },
  },
  // ids in the form of pages without an id in their path
  "routes/phuong-an._index": {
    outsiders: ["producerB"],
    insider: demo("producer"),
    bodies: {
      registerIdea: (f) => ({ intent: "registerIdea", orgId: String(f.ids.demoOrg), title: "Ý tưởng lạ", ocopGroup: "THUC_PHAM" }),
      createPlan: (f) => ({ intent: "createPlan", ideaId: String(f.ids.demoIdea) }),
    },
    ownIntents: { createOrg: "creates the producer's own organisation, at the producer's own unit" },
  },
  "routes/y-tuong": {
    outsiders: ["appraiserB"],
    insider: demo("appraiser"),
    bodies: { register: (f) => ({ orgId: String(f.ids.thienLocOrg), title: "Ý tưởng lạ", ocopGroup: "THUC_PHAM" }) },
  },
  "routes/ket-qua-danh-gia": {
    outsiders: ["districtAdmin"],
    insider: demo("admin"),
    bodies: { record: (f) => ({ planId: String(f.ids.approvedElsewhere), score: "75" }) },
  },
  "routes/quan-tri.nguoi-dung._index": {
    outsiders: ["districtAdmin"],
    insider: demo("admin"),
    bodies: { create: (f) => ({ fullName: "Người Lạ", phone: "0917111444", password: "MatKhau2026", unitId: String(f.ids.province), roles: "learner" }) },
  },
  "routes/khoa-hoc.moi": {
    outsiders: ["districtAdmin", "trainerB"],
    insider: demo("admin"),
    bodies: {
      create: (f) => ({
        title: "Lớp lạ",
        code: "HT-LA-03",
        unitId: String(f.ids.province),
        startsOn: "2027-01-01",
        endsOn: "2027-01-02",
        "position.kien-thuc-chung": "1",
      }),
    },
  },
  "routes/quan-tri.don-vi": {
    outsiders: ["districtAdmin"],
    insider: demo("admin"),
    bodies: { create: (f) => ({ name: "Xã Lạ", code: "HT-LA", level: "COMMUNE", parentId: String(f.ids.huongSon) }) },
  },
  "routes/quan-tri.danh-muc-don-vi": {
    outsiders: ["districtAdmin", "trainerB"],
    insider: demo("admin"),
    bodies: { load: { intent: "load", province: "40" }, loadAll: { intent: "loadAll" } },
  },
  "routes/quan-tri.cai-dat": {
    outsiders: ["districtAdmin"],
    insider: demo("admin"),
    query: (f) => `tinh=${f.ids.province}`,
    bodies: {
      save: {
        appraisalLevels: "COMMUNE,PROVINCE",
        deadlineCOMMUNE: "9",
        deadlineDISTRICT: "9",
        deadlinePROVINCE: "9",
        deadlineKind: "CALENDAR",
        holidays: "",
        overdueRule: "FLAG",
      },
    },
  },
  "routes/tai-khoan": {
    outsiders: ["anyLearner"],
    insider: demo("learner"),
    bodies: { revoke: (f) => ({ intent: "revoke", sessionId: f.params.foreignSession }) },
    ownIntents: { password: "changes the signed-in user's own password", emailPreferences: "sets the signed-in user's own email choices" },
  },
  "routes/diem-danh": {
    outsiders: ["learnerB"],
    insider: demo("learner"),
    // the code is computed when the request is made: under load a fixture's code can rotate out before its turn
    bodies: { checkin: (f) => ({ code: currentCode(f.params.sessionSecret, new Date(), Number(f.params.sessionRotate)), buoi: f.params.sessionId }) },
  },
};

/** Tables whose rows a refused request may still add: sessions (the test's own) and throttling counters. */
const COUNTERS = new Set(["Session", "ThrottleHit"]);
let tables: string[] = [];

/** Every row of every table (but the counters), hashed: "nothing was written" catches updates too. */
async function digest(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const name of tables) {
    const rows = await tableRows(name);
    hash.update(name + JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
  }
  return hash.digest("hex");
}

function pathOf(routeId: string): string {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) {
    const p = build.routes[id].path;
    if (p) parts.unshift(p);
  }
  return parts.join("/");
}

function urlOf(routeId: string, params: Record<string, string>): string {
  const url =
    "/" +
    pathOf(routeId)
      .split("/")
      .map((seg) => (seg.startsWith(":") ? params[seg.slice(1)] : seg))
      .join("/");
  return url.replace(/\/+$/, "") || "/";
}

/** Dynamic segments that name an object (slugs of shipped content and step numbers do not). */
const hasPathId = (routeId: string) =>
  pathOf(routeId)
    .split("/")
    .some((seg) => seg.startsWith(":") && !["moduleSlug", "lessonSlug", "step"].includes(seg.slice(1)));
const ID_FIELD = /\sname="([A-Za-z]*(?:Id|Ids)|buoi|province)"/;
const intentsIn = (html: string) =>
  new Set([...html.matchAll(/name="intent"[^>]*?value="([^"]+)"|value="([^"]+)"[^>]*?name="intent"/g)].map((m) => m[1] ?? m[2]));

let fixture: Fixture;
let cookies: Record<Who, () => Promise<string>>;
const demoCookie = async (email: string) => cookieFor(await userIdOf(email));

beforeAll(async () => {
  tables = (await tableNames()).filter((n) => !COUNTERS.has(n));
  const params = await routeParams();
  const unit = async (code: string) => db().unit.findUniqueOrThrow({ where: { code } });
  const [province, canLoc, huongSon, sonKim] = await Promise.all([unit("HT"), unit("HT-CL"), unit("HT-HS"), unit("HT-HS-SONKIM1")]);
  const person = (fullName: string, phone: string, role: string, unitId: number) =>
    db().user.create({ data: { fullName, phone, unitId, searchName: fullName.toLowerCase(), roles: { create: { role, unitId } } }, include: { roles: true } });
  // the second scope: another class with its own trainer and learner, a district admin, a consultant nobody invited
  const trainerB = await person("Giảng viên lớp khác", "0918000001", "trainer", province.id);
  const learnerB = await person("Học viên lớp khác", "0918000002", "learner", sonKim.id);
  const districtAdmin = await person("Quản trị huyện Can Lộc", "0918000003", "admin", canLoc.id);
  const consultantB = await person("Tư vấn không được mời", "0918000004", "consultant", province.id);
  // a province official whose home unit lies in the district: only their role is the province's (finding 6)
  const official = await person("Cán bộ tỉnh ở huyện", "0918000005", "appraiser", province.id);
  await db().user.update({ where: { id: official.id }, data: { unitId: canLoc.id } });
  const start = new Date(Date.now() - 3600_000);
  const courseB = await db().course.create({
    data: {
      code: "HT-OCOP-B",
      title: "Lớp khác",
      unitId: huongSon.id,
      enrolmentCode: "LOPKHAC26",
      startsOn: start,
      endsOn: new Date(Date.now() + 30 * 86400_000),
      trainers: { create: { userId: trainerB.id } },
      enrolments: { create: { userId: learnerB.id } },
    },
  });
  await db().classSession.create({ data: { courseId: courseB.id, startsAt: start, endsAt: new Date(Date.now() + 3600_000), checkinSecret: newSecret() } });
  // an open session of the demo course, so check-in reaches "not enrolled" with a right code
  const secret = newSecret();
  const open = await db().classSession.update({
    where: { id: Number(params.sessionId) },
    data: { startsAt: start, endsAt: new Date(Date.now() + 3600_000), checkinSecret: secret, status: "SCHEDULED" },
  });
  const demoLearner = await userIdOf(demo("learner"));
  const courseId = Number(params.courseId);
  const cert = await db().certificate.create({
    data: {
      code: "IDOR-TEST-CODE-0001",
      courseId,
      userId: demoLearner,
      holderName: "Nguyễn Văn An",
      courseTitle: "Lớp",
      courseStartsOn: start,
      courseEndsOn: start,
      issuer: "VP",
    },
  });
  const plan = await db().businessPlan.findFirstOrThrow({ where: { title: DEMO_PLAN_TITLE }, include: { org: true } });
  const thienLoc = await db().businessPlan.findFirstOrThrow({ where: { title: THIENLOC_PLAN_TITLE }, include: { org: true } });
  const caseRow = await db().appraisalCase.findUniqueOrThrow({ where: { planId: thienLoc.id } });
  const approvedElsewhere = await db().appraisalCase.findFirstOrThrow({ where: { status: "APPROVED", NOT: { unitPath: { startsWith: canLoc.path } } } });
  // someone else's session, for "log out that device"
  const foreign = await db().session.create({
    data: { id: crypto.randomBytes(32).toString("hex"), userId: demoLearner, expiresAt: new Date(Date.now() + 86400_000) },
  });
  // a file of the demo class, for the download route and the delete intent
  const attached = await addAttachment(courseId, await userIdOf(demo("trainer")), {
    fileName: "tai-lieu.pdf",
    bytes: Buffer.from("%PDF-1.4\n% idor\n%%EOF\n"),
    type: "PDF",
  });
  if (!attached.ok) throw new Error("the demo class's file was not added");
  fixture = {
    params: { ...params, foreignSession: foreign.id, sessionSecret: secret, sessionRotate: String(open.rotateSeconds) },
    ids: {
      demoLearner,
      demoConsultant: await userIdOf(demo("consultant")),
      demoTrainer: await userIdOf(demo("trainer")),
      demoOrg: plan.orgId,
      demoIdea: plan.ideaId!,
      thienLocOrg: thienLoc.orgId,
      caseRevision: caseRow.revision,
      approvedElsewhere: approvedElsewhere.planId,
      provinceOfficial: official.id,
      provinceOfficialRole: official.roles[0].id,
      province: province.id,
      canLoc: canLoc.id,
      huongSon: huongSon.id,
      demoAttachment: attached.id,
    },
    code: () => cert.code,
  };
  const fresh = (id: number) => () => cookieFor(id);
  cookies = {
    trainerB: fresh(trainerB.id),
    learnerB: fresh(learnerB.id),
    districtAdmin: fresh(districtAdmin.id),
    consultantB: fresh(consultantB.id),
    producerB: async () => demoCookie(APPRAISAL_DEMO.producerThienLoc.email),
    appraiserB: async () => demoCookie(APPRAISAL_DEMO.communeAppraiser.email),
    anyLearner: fresh(learnerB.id),
  };
});

const uiRoutes = () => Object.values(build.routes).filter((r) => r.id !== "root");

async function firstAllowedCookie(access: Access) {
  const role = access.kind === "role" ? access.roles[0] : "learner";
  return demoCookie(DEMO_ACCOUNTS.find((a) => a.role === role)!.email);
}

/** Routes with an id in their path, plus routes whose page offers a form with an id field. */
async function idBearingRoutes(): Promise<string[]> {
  const found: string[] = [];
  for (const r of uiRoutes()) {
    if (hasPathId(r.id)) {
      found.push(r.id);
      continue;
    }
    if (!(r.module as { action?: unknown }).action) continue;
    const access = (r.module as unknown as { access: Access }).access;
    if (access.kind === "public") continue; // public forms (login, registration, activation) name no object
    const res = await handler(
      new Request(ORIGIN + urlOf(r.id, {}) + (r.index ? "?index" : ""), { headers: { Cookie: await firstAllowedCookie(access) } }),
      testContext(),
    );
    if (res.status === 200 && ID_FIELD.test(await res.text())) found.push(r.id);
    else if (CASES[r.id] && !("exempt" in CASES[r.id])) found.push(r.id); // a case for an id in the query string (cai-dat)
  }
  return found;
}

describe("IDOR: another scope gets 403/404 and writes nothing", () => {
  it("every id-bearing route has a case (a new one without a case fails here)", async () => {
    const routes = await idBearingRoutes();
    const missing = routes.filter((id) => !CASES[id]);
    expect(missing, "add a case to CASES in tests/integration/idor.test.ts").toEqual([]);
    expect(routes.length).toBeGreaterThan(25);
    const stale = Object.keys(CASES).filter((id) => !build.routes[id]);
    expect(stale, "cases for routes that no longer exist").toEqual([]);
  });

  it.each(Object.keys(CASES).filter((id) => !("exempt" in CASES[id])))("%s", async (routeId) => {
    const c = CASES[routeId] as Case;
    const route = build.routes[routeId];
    const params = { ...fixture.params, ...c.params?.(fixture) };
    const query = c.query?.(fixture) ?? "";
    const url = urlOf(routeId, params);
    const qs = (extra: string[]) => {
      const all = [query, ...extra].filter(Boolean).join("&");
      return all ? `?${all}` : "";
    };
    const index = route.index ? ["index"] : [];

    // the rightful user's page names the intents the case must cover
    if (route.module.action) {
      const page = await handler(new Request(ORIGIN + url + qs(index), { headers: { Cookie: await demoCookie(c.insider) } }), testContext());
      expect(page.status, `the insider (${c.insider}) must reach ${url}`).toBe(200);
      const onPage = [...intentsIn(await page.text())];
      const covered = new Set([...Object.keys(c.bodies ?? {}), ...Object.keys(c.ownIntents ?? {})]);
      expect(
        onPage.filter((i) => !covered.has(i)),
        `${routeId}: intents on the page without a body in the case`,
      ).toEqual([]);
      expect(Object.keys(c.bodies ?? {}).length, `${routeId} has an action: give its intents`).toBeGreaterThan(0);
    }

    for (const who of c.outsiders) {
      const label = `${who} → ${routeId}`;
      const before = await digest();
      const cookie = await cookies[who]();
      // a page with ids only in its form is the outsider's own list: only its action is checked
      const get = await handler(new Request(ORIGIN + url + qs(index), { headers: { Cookie: cookie } }), testContext());
      if (hasPathId(routeId)) expect([403, 404], `${label} GET: ${get.status}`).toContain(get.status);
      if (hasPathId(routeId) && route.module.default) {
        const dataUrl = `${url === "/" ? "/_root" : url}.data${qs([`_routes=${encodeURIComponent(routeId)}`])}`;
        const data = await handler(new Request(ORIGIN + dataUrl, { headers: { Cookie: cookie } }), testContext());
        expect([403, 404], `${label} GET .data: ${data.status}`).toContain(data.status);
      }
      for (const [intent, body] of Object.entries(c.bodies ?? {})) {
        for (const suffix of ["", ".data"]) {
          const fields = typeof body === "function" ? body(fixture) : body;
          const payload = fields instanceof FormData ? fields : new URLSearchParams(fields);
          const res = await handler(
            new Request(ORIGIN + url + suffix + qs(index), {
              method: "POST",
              headers: { Cookie: await cookies[who](), Origin: ORIGIN, Host: new URL(ORIGIN).host },
              body: payload,
            }),
            testContext(`10.9.${Math.floor(Math.random() * 250)}.1`),
          );
          expect([403, 404], `${label} POST${suffix} ${intent}: ${res.status}`).toContain(res.status);
        }
      }
      expect(await digest(), `${label} wrote something`).toBe(before);
    }
  });
});
