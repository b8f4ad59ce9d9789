import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as account from "~/routes/tai-khoan";
import * as adminUser from "~/routes/quan-tri.nguoi-dung.$userId";
import * as login from "~/routes/dang-nhap";
import * as logout from "~/routes/dang-xuat";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { cookieFor, demoAccount, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

const loginAction = (fields: Record<string, string>, ip = "10.0.0.1") =>
  run(() => login.action({ request: postRequest("/dang-nhap", fields), params: {}, context: testContext(ip) }));

describe("login", () => {
  it("accepts email or Vietnamese mobile (0… or +84…) and sets an HttpOnly session cookie", async () => {
    const learner = demoAccount("learner");
    for (const identifier of [learner.email, learner.phone, `+84${learner.phone.slice(1)}`, " HOCVIEN@ocop-demo.vn "]) {
      const res = await loginAction({ identifier, password: DEMO_PASSWORD });
      expect(res.status).toBe(302);
      const cookie = res.headers.get("Set-Cookie")!;
      expect(cookie).toMatch(/^ocop_session=[a-z2-7]{32};/);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
    }
    // only the SHA-256 of a token is stored
    const sessions = await db().session.findMany({ where: { userId: await userIdOf(learner.email) } });
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });

  it("gives the same Vietnamese answer for a wrong password and an unknown account", async () => {
    const wrong = await loginAction({ identifier: demoAccount("learner").email, password: "sai-mat-khau" });
    const unknown = await loginAction({ identifier: "khong-co@ocop-demo.vn", password: "sai-mat-khau" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data.errors._form).toBe("Email/số điện thoại hoặc mật khẩu không đúng.");
    expect(unknown.data.errors._form).toBe(wrong.data.errors._form);
  });

  it("throttles an account after 5 failures in 15 minutes, even with the right password", async () => {
    const id = demoAccount("consultant").email;
    for (let i = 0; i < 5; i++) expect((await loginAction({ identifier: id, password: "sai" }, `10.1.0.${i}`)).status).toBe(401);
    const blocked = await loginAction({ identifier: id, password: DEMO_PASSWORD }, "10.1.0.99");
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors._form).toMatch(/thử lại sau \d{2}:\d{2}/);
  });

  it("an address with 50 failures never refuses a correct password, but each account gets one more guess from it", async () => {
    for (let i = 0; i < 50; i++) await loginAction({ identifier: `nobody${i}@ocop-demo.vn`, password: "x" }, "10.9.9.9");
    const correct = await loginAction({ identifier: demoAccount("trainer").email, password: DEMO_PASSWORD }, "10.9.9.9");
    expect(correct.status).toBe(302);
    expect((await loginAction({ identifier: demoAccount("producer").email, password: "sai" }, "10.9.9.9")).status).toBe(401);
    const again = await loginAction({ identifier: demoAccount("producer").email, password: DEMO_PASSWORD }, "10.9.9.9");
    expect(again.status).toBe(429);
    const elsewhere = await loginAction({ identifier: demoAccount("producer").email, password: DEMO_PASSWORD }, "10.9.9.10");
    expect(elsewhere.status).toBe(302);
  }, 60_000);

  it("rejects bad input with 400 and a message at the field, writing nothing", async () => {
    const before = await tableCounts();
    const cases: [Record<string, string>, string][] = [
      [{ identifier: "", password: "x" }, "identifier"],
      [{ identifier: "012345", password: "x" }, "identifier"],
      [{ identifier: "a@b", password: "x" }, "identifier"],
      [{ identifier: "x".repeat(100_000), password: "x" }, "identifier"],
      [{ identifier: "0912000003" }, "password"],
      [{ identifier: "0912000003", password: "p".repeat(100_000) }, "password"],
    ];
    for (const [fields, field] of cases) {
      const res = await loginAction(fields);
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toMatch(/[ạ-ỹà-ýđ]/i);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("marks the cookie Secure when the site is served over HTTPS", async () => {
    const request = new Request("https://ocop.example.vn/dang-nhap", {
      method: "POST",
      headers: { Origin: "https://ocop.example.vn" },
      body: new URLSearchParams({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD }),
    });
    const res = await run(() => login.action({ request, params: {}, context: testContext("10.4.0.1") }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("; Secure");
  });

  it("refuses a login posted from a foreign origin", async () => {
    const res = await run(() =>
      login.action({
        request: postRequest("/dang-nhap", { identifier: demoAccount("learner").email, password: DEMO_PASSWORD }, { origin: "https://evil.example" }),
        params: {},
        context: testContext(),
      }),
    );
    expect(res.status).toBe(403);
  });

  it("rotates the session: logging in again ends the previous session", async () => {
    const cookie = await cookieFor("learner");
    const res = await run(() =>
      login.action({
        request: postRequest("/dang-nhap", { identifier: demoAccount("learner").email, password: DEMO_PASSWORD }, { cookie }),
        params: {},
        context: testContext("10.2.0.1"),
      }),
    );
    expect(res.status).toBe(302);
    const stale = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie }), params: {}, context: testContext() }));
    expect(stale.status).toBe(302);
    expect(stale.location).toBe("/dang-nhap?next=%2Ftai-khoan");
  });
});

describe("where login leads (next)", () => {
  const HOSTILE = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\nSet-Cookie: x=1",
    "/\u00a0/evil.example",
    "/\u3000/evil.example",
    "/.//evil.example",
    "//evil.example",
    "/\\evil.example",
  ];
  const withNext = (next: string) => `/dang-nhap?next=${encodeURIComponent(next)}`;

  it("a signed-in visitor of a hostile login link stays on the site", async () => {
    const cookie = await cookieFor("learner");
    for (const next of HOSTILE) {
      const res = await run(() => login.loader({ request: getRequest(withNext(next), { cookie }), params: {}, context: testContext() }));
      expect(res.status, JSON.stringify(next)).toBe(302);
      expect(res.location, JSON.stringify(next)).toBe("/");
    }
    const fine = await run(() => login.loader({ request: getRequest(withNext("/tai-khoan"), { cookie }), params: {}, context: testContext() }));
    expect(fine.location).toBe("/tai-khoan");
  });

  it("logging in with a hostile next goes home, never a 500", async () => {
    for (const [i, next] of HOSTILE.entries()) {
      const res = await loginAction({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD, next }, `10.3.0.${i}`);
      expect(res.status, JSON.stringify(next)).toBe(302);
      expect(res.location, JSON.stringify(next)).toBe("/");
    }
    const fine = await loginAction({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD, next: "/khoa-hoc?tab=1" }, "10.3.1.1");
    expect(fine.location).toBe("/khoa-hoc?tab=1");
  });
});

describe("sessions", () => {
  it("logout ends the session in the database", async () => {
    const cookie = await cookieFor("learner");
    const before = await db().session.count();
    const res = await run(() => logout.action({ request: postRequest("/dang-xuat", {}, { cookie }), params: {}, context: testContext() }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await db().session.count()).toBe(before - 1);
  });

  it("lists own sessions and revokes one; another user's session id is left alone", async () => {
    const mine = await cookieFor("learner");
    const other = await cookieFor("learner");
    const someoneElse = await cookieFor("producer");
    const page = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie: mine }), params: {}, context: testContext() }));
    expect(page.status).toBe(200);
    const current = page.data.sessions.find((s: { current: boolean }) => s.current);
    const target = page.data.sessions.find((s: { current: boolean }) => !s.current);
    expect(current).toBeTruthy();
    const producerSessions = await db().session.findMany({ where: { userId: await userIdOf(demoAccount("producer").email) } });
    const foreignId = producerSessions[0].id;
    await run(() =>
      account.action({ request: postRequest("/tai-khoan", { intent: "revoke", sessionId: foreignId }, { cookie: mine }), params: {}, context: testContext() }),
    );
    expect(await db().session.findUnique({ where: { id: foreignId } })).not.toBeNull();
    const revoked = await run(() =>
      account.action({ request: postRequest("/tai-khoan", { intent: "revoke", sessionId: target.id }, { cookie: mine }), params: {}, context: testContext() }),
    );
    expect(revoked.status).toBe(200);
    expect(await db().session.findUnique({ where: { id: target.id } })).toBeNull();
    // the revoked session (the learner's other device) is signed out; this one and the producer's go on
    const openAccount = (cookie: string) => run(() => account.loader({ request: getRequest("/tai-khoan", { cookie }), params: {}, context: testContext() }));
    expect((await openAccount(other)).location).toBe("/dang-nhap?next=%2Ftai-khoan");
    expect((await openAccount(mine)).status).toBe(200);
    expect((await openAccount(someoneElse)).status).toBe(200);
  });

  it("changing the password needs the current one and ends the other sessions", async () => {
    const cookie = await cookieFor("trainer");
    const otherDevice = await cookieFor("trainer");
    const wrong = await run(() =>
      account.action({
        request: postRequest(
          "/tai-khoan",
          { intent: "password", currentPassword: "sai", newPassword: "MatKhauMoi2026", newPasswordConfirm: "MatKhauMoi2026" },
          { cookie },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.currentPassword).toBe("Mật khẩu hiện tại không đúng.");
    const mismatch = await run(() =>
      account.action({
        request: postRequest(
          "/tai-khoan",
          { intent: "password", currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi2026", newPasswordConfirm: "khac" },
          { cookie },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(mismatch.data.errors.newPasswordConfirm).toBe("Mật khẩu nhập lại không khớp.");
    const ok = await run(() =>
      account.action({
        request: postRequest(
          "/tai-khoan",
          { intent: "password", currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi2026", newPasswordConfirm: "MatKhauMoi2026" },
          { cookie },
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(ok.status).toBe(200);
    const still = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie }), params: {}, context: testContext() }));
    expect(still.status).toBe(200);
    const ended = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie: otherDevice }), params: {}, context: testContext() }));
    expect(ended.status).toBe(302);
  });

  it("an admin deactivating a user ends all their sessions at once", async () => {
    const learnerCookie = await cookieFor("learner");
    const admin = await cookieFor("admin");
    const learnerId = await userIdOf(demoAccount("learner").email);
    const res = await run(() =>
      adminUser.action({
        request: postRequest(`/quan-tri/nguoi-dung/${learnerId}`, { intent: "setActive", active: "false" }, { cookie: admin }),
        params: { userId: String(learnerId) },
        context: testContext(),
      }),
    );
    expect(res.status).toBe(200);
    expect(await db().session.count({ where: { userId: learnerId } })).toBe(0);
    const after = await run(() => account.loader({ request: getRequest("/tai-khoan", { cookie: learnerCookie }), params: {}, context: testContext() }));
    expect(after.status).toBe(302);
    const relogin = await loginAction({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD }, "10.3.0.1");
    expect(relogin.status).toBe(401);
  });
});
