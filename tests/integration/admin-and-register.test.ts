import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as settings from "~/routes/quan-tri.cai-dat";
import * as units from "~/routes/quan-tri.don-vi";
import * as adminUser from "~/routes/quan-tri.nguoi-dung.$userId";
import * as users from "~/routes/quan-tri.nguoi-dung._index";
import * as login from "~/routes/dang-nhap";
import * as register from "~/routes/dang-ky";
import { COURSE } from "../../prisma/demo-data";
import { cookieFor, demoAccount, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;
const huge = "x".repeat(100_000);

async function communeId(name = "Xã Thiên Lộc") {
  return (await db().unit.findFirstOrThrow({ where: { name } })).id;
}

describe("self-registration with a course enrolment code", () => {
  const valid = async () => ({
    code: COURSE.enrolmentCode.toLowerCase(),
    fullName: "Trần Văn Bình",
    phone: "0987 654 321",
    email: "",
    role: "producer",
    unitId: String(await communeId("Xã Can Lộc")), // a commune of today: the sign-up offers no former one
    password: "MatKhau2026",
    passwordConfirm: "MatKhau2026",
  });
  const post = (fields: Record<string, string>) => run(() => register.action({ request: postRequest("/dang-ky", fields), params: {}, context: testContext() }));

  it("creates the account, its role at the unit and the enrolment, and sends the person to log in", async () => {
    const res = await post(await valid());
    expect(res.status).toBe(302);
    expect(res.location).toBe("/dang-nhap?da-dang-ky=1");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { phone: "0987654321" }, include: { roles: true, enrolments: true } });
    expect(user.roles.map((r) => r.role)).toEqual(["producer"]);
    expect(user.enrolments).toHaveLength(1);
    const page = await run(() => login.loader({ request: getRequest(res.location!), params: {}, context: testContext() }));
    expect(page.status).toBe(200);
    const signIn = await run(() =>
      login.action({ request: postRequest("/dang-nhap", { identifier: "0987654321", password: "MatKhau2026" }), params: {}, context: testContext() }),
    );
    expect(signIn.status).toBe(302);
  });

  it("answers the same whether or not the phone or email already has an account, and changes nothing then", async () => {
    const fresh = await post({ ...(await valid()), phone: "0987 555 666" });
    expect(await db().user.count({ where: { phone: "0987555666" } })).toBe(1);
    const before = await tableCounts();
    const takenPhone = await post({ ...(await valid()), phone: demoAccount("admin").phone, password: "KhacHan2026", passwordConfirm: "KhacHan2026" });
    const takenEmail = await post({ ...(await valid()), phone: "0987 000 111", email: demoAccount("admin").email });
    for (const res of [takenPhone, takenEmail]) {
      expect(res.status).toBe(fresh.status);
      expect(res.location).toBe(fresh.location);
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("throttles wrong enrolment codes as check-in codes are", async () => {
    // Its own phone and address, so the other tests' guesses do not count here (nor these there).
    const base = { ...(await valid()), phone: "0987 333 444" };
    const from = (fields: Record<string, string>, ip = "10.7.0.1") =>
      run(() => register.action({ request: postRequest("/dang-ky", fields), params: {}, context: testContext(ip) }));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await from({ ...base, code: `SAI${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await from(base); // even the right code waits
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.code).toMatch(/thử lại sau \d{2}:\d{2}/);
    expect((await from({ ...base, phone: "0987 222 333" }, "10.7.7.7")).status).toBe(302);
  });

  it("refuses bad input at the field, with 4xx and nothing written", async () => {
    const base = await valid();
    const before = await tableCounts();
    const cases: [Partial<Record<string, string>>, string][] = [
      [{ code: "" }, "code"],
      [{ code: "KHONGCO" }, "code"],
      [{ fullName: "" }, "fullName"],
      [{ fullName: huge }, "fullName"],
      [{ phone: "12345" }, "phone"],
      [{ email: "not-an-email" }, "email"],
      [{ role: "admin" }, "role"],
      [{ unitId: "abc" }, "unitId"],
      [{ unitId: "999999" }, "unitId"],
      [{ password: "ngan", passwordConfirm: "ngan" }, "password"],
      [{ passwordConfirm: "khac-nhau" }, "passwordConfirm"],
    ];
    for (const [change, field] of cases) {
      const res = await post({ ...base, ...change } as Record<string, string>);
      expect(res.status, JSON.stringify(change).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.data.errors[field], `${field} for ${JSON.stringify(change).slice(0, 60)}`).toMatch(VIETNAMESE);
    }
    // A wrong code is counted (ThrottleHit): that is the throttle doing its work, not a write of the form.
    expect({ ...(await tableCounts()), ThrottleHit: before.ThrottleHit }).toEqual(before);
  });
});

describe("admin: users", () => {
  it("creates a user with roles at a unit of the admin's province", async () => {
    const admin = await cookieFor("admin");
    const unitId = String(await communeId());
    const res = await run(() =>
      users.action({
        request: postRequest(
          "/quan-tri/nguoi-dung",
          { fullName: "Lê Thị Hoa", email: "hoa@ocop-demo.vn", phone: "", password: "MatKhau2026", unitId, roles: ["trainer", "appraiser"] },
          { cookie: admin },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(res.status).toBe(302);
    const created = await db().user.findUniqueOrThrow({ where: { email: "hoa@ocop-demo.vn" }, include: { roles: true } });
    expect(created.roles.map((r) => r.role).sort()).toEqual(["appraiser", "trainer"]);
    expect(created.searchName).toBe("le thi hoa hoa@ocop-demo.vn");
  });

  it("refuses bad input, duplicates and unknown roles without writing", async () => {
    const admin = await cookieFor("admin");
    const base = { fullName: "Người Mới", email: "moi@ocop-demo.vn", phone: "", password: "MatKhau2026", unitId: String(await communeId()), roles: "learner" };
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ fullName: "" }, "fullName"],
      [{ email: "", phone: "" }, "email"],
      [{ email: "khong-hop-le" }, "email"],
      [{ phone: "0123" }, "phone"],
      [{ roles: "superuser" }, "roles.0"],
      [{ unitId: "x" }, "unitId"],
      [{ password: "1" }, "password"],
      [{ email: demoAccount("trainer").email }, "_form"],
      [{ fullName: huge }, "fullName"],
    ];
    for (const [change, field] of cases) {
      const res = await run(() =>
        users.action({ request: postRequest("/quan-tri/nguoi-dung", { ...base, ...change }, { cookie: admin }), params: {}, context: testContext() }),
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.data.errors[field], JSON.stringify(change).slice(0, 60)).toMatch(VIETNAMESE);
    }
    // no roles at all
    const noRoles = { ...base } as Record<string, string>;
    delete noRoles.roles;
    const res = await run(() => users.action({ request: postRequest("/quan-tri/nguoi-dung", noRoles, { cookie: admin }), params: {}, context: testContext() }));
    expect(res.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("adds and removes a role; an unknown intent is a 400", async () => {
    const admin = await cookieFor("admin");
    const learnerId = await userIdOf(demoAccount("learner").email);
    const path = `/quan-tri/nguoi-dung/${learnerId}`;
    const call = (fields: Record<string, string>) =>
      run(() => adminUser.action({ request: postRequest(path, fields, { cookie: admin }), params: { userId: String(learnerId) }, context: testContext() }));
    const unitId = String(await communeId("Xã Vượng Lộc"));
    expect((await call({ intent: "addRole", role: "trainer", unitId })).status).toBe(200);
    expect((await call({ intent: "addRole", role: "trainer", unitId })).status).toBe(409);
    expect((await call({ intent: "addRole", role: "god", unitId })).status).toBe(400);
    expect((await call({ intent: "explode" })).status).toBe(400);
    const assignment = await db().roleAssignment.findFirstOrThrow({ where: { userId: learnerId, role: "trainer" } });
    expect((await call({ intent: "removeRole", assignmentId: String(assignment.id) })).status).toBe(200);
    expect(await db().roleAssignment.findUnique({ where: { id: assignment.id } })).toBeNull();
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await cookieFor("admin");
    const adminId = await userIdOf(demoAccount("admin").email);
    const res = await run(() =>
      adminUser.action({
        request: postRequest(`/quan-tri/nguoi-dung/${adminId}`, { intent: "setActive", active: "false" }, { cookie: admin }),
        params: { userId: String(adminId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(422);
    expect((await db().user.findUniqueOrThrow({ where: { id: adminId } })).active).toBe(true);
  });

  it("a user id outside the admin's province or not a number is a 404", async () => {
    const admin = await cookieFor("admin");
    for (const userId of ["999999", "abc", "1e3"]) {
      const res = await run(() =>
        adminUser.loader({ request: getRequest(`/quan-tri/nguoi-dung/${userId}`, { cookie: admin }), params: { userId }, context: testContext() }),
      );
      expect(res.status).toBe(404);
    }
  });
});

describe("admin: units and province settings", () => {
  it("adds a commune under a district and refuses a bad parent or duplicate code", async () => {
    const admin = await cookieFor("admin");
    const district = await db().unit.findFirstOrThrow({ where: { name: "Huyện Can Lộc" } });
    const commune = await db().unit.findFirstOrThrow({ where: { name: "Xã Thiên Lộc" } });
    const post = (fields: Record<string, string>) =>
      run(() => units.action({ request: postRequest("/quan-tri/don-vi", fields, { cookie: admin }), params: {}, context: testContext() }));
    const ok = await post({ name: "Xã Tùng Lộc", code: "ht-cl-tungloc", level: "COMMUNE", parentId: String(district.id) });
    expect(ok.status).toBe(200);
    const created = await db().unit.findUniqueOrThrow({ where: { code: "HT-CL-TUNGLOC" } });
    expect(created.path).toBe(`${district.path}${created.id}/`);
    const before = await tableCounts();
    expect((await post({ name: "Xã Trùng", code: "HT-CL-TUNGLOC", level: "COMMUNE", parentId: String(district.id) })).data.errors.code).toBe(
      "Mã đơn vị đã tồn tại.",
    );
    expect((await post({ name: "Thôn", code: "THON1", level: "COMMUNE", parentId: String(commune.id) })).status).toBe(422);
    expect((await post({ name: "Tỉnh mới", code: "TINH", level: "PROVINCE", parentId: String(district.id) })).status).toBe(400);
    expect((await post({ name: "", code: "", level: "", parentId: "" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("saves the province's appraisal chain and deadline rule, refusing invalid ones", async () => {
    const admin = await cookieFor("admin");
    const post = (fields: Record<string, string>) =>
      run(() => settings.action({ request: postRequest("/quan-tri/cai-dat", fields, { cookie: admin }), params: {}, context: testContext() }));
    const ok = await post({
      level1: "COMMUNE",
      level2: "DISTRICT",
      level3: "PROVINCE",
      deadlineCOMMUNE: "7",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "10",
      deadlineKind: "WORKING",
      overdueRule: "LAPSE",
      showOfficerNames: "on",
      holidays: "02/09/2026\n01/01/2027",
    });
    expect(ok.status).toBe(200);
    const row = await db().provinceSettings.findFirstOrThrow();
    expect(row).toMatchObject({
      appraisalLevels: "COMMUNE,DISTRICT,PROVINCE",
      communeDeadlineDays: 7,
      districtDeadlineDays: 5,
      provinceDeadlineDays: 10,
      deadlineKind: "WORKING",
      holidays: "2026-09-02,2027-01-01",
      overdueRule: "LAPSE",
      showOfficerNames: true,
    });
    const good = {
      level1: "COMMUNE",
      level2: "PROVINCE",
      deadlineCOMMUNE: "5",
      deadlineDISTRICT: "5",
      deadlinePROVINCE: "5",
      deadlineKind: "CALENDAR",
      overdueRule: "FLAG",
    };
    const bads: [Record<string, string>, string][] = [
      [{ ...good, level1: "PROVINCE", level2: "COMMUNE" }, "level1"],
      [{ ...good, deadlinePROVINCE: "0" }, "deadlinePROVINCE"],
      [{ ...good, deadlineKind: "SOMETIMES" }, "deadlineKind"],
      [{ ...good, holidays: "31/02/2026" }, "holidays"],
      [{ ...good, level1: "KINGDOM", level2: "" }, "level1"],
      [{ ...good, overdueRule: "DELETE_PLANS" }, "overdueRule"],
      [{ ...good, showOfficerNames: "yes please" }, "showOfficerNames"],
    ];
    for (const [bad, field] of bads) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect((res.data.errors as Record<string, string>)[field]).toMatch(VIETNAMESE);
    }
    expect(await db().provinceSettings.findFirstOrThrow()).toMatchObject({
      communeDeadlineDays: 7,
      provinceDeadlineDays: 10,
      overdueRule: "LAPSE",
      showOfficerNames: true,
    });
    // unchecking the box hides the names again
    await post({ ...good, level2: "PROVINCE" });
    expect(await db().provinceSettings.findFirstOrThrow()).toMatchObject({ showOfficerNames: false, overdueRule: "FLAG" });
  });

  it("is forbidden to a trainer", async () => {
    const trainer = await cookieFor("trainer");
    const res = await run(() =>
      settings.action({
        request: postRequest(
          "/quan-tri/cai-dat",
          { level1: "PROVINCE", deadlineCOMMUNE: "5", deadlineDISTRICT: "5", deadlinePROVINCE: "5", deadlineKind: "CALENDAR" },
          { cookie: trainer },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(res.status).toBe(403);
  });
});
