import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as activate from "~/routes/kich-hoat";
import * as adminUser from "~/routes/quan-tri.nguoi-dung.$userId";
import * as users from "~/routes/quan-tri.nguoi-dung._index";
import { cookieFor, getRequest, postRequest, run, testContext, userIdOf } from "../support/http";

/** An admin edits a person's details, resets a forgotten password with a one-time code, and pages through people. */
async function post(userId: number, fields: Record<string, string>) {
  const cookie = await cookieFor("admin");
  return run(() =>
    adminUser.action({
      request: postRequest(`/quan-tri/nguoi-dung/${userId}`, fields, { cookie }),
      params: { userId: String(userId) },
      context: testContext(),
    }),
  );
}

describe("people admin", () => {
  it("edits the name, phone, email and unit, refusing a phone that belongs to someone else", async () => {
    const id = await userIdOf("0913000007");
    const unit = await db().unit.findFirstOrThrow({ where: { name: "Xã Thiên Lộc" } });
    const ok = await post(id, { intent: "editProfile", fullName: "Trần Thị Sửa", phone: "0918 765 432", email: "sua@ocop-demo.vn", unitId: String(unit.id) });
    expect(ok.status).toBe(200);
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      fullName: "Trần Thị Sửa",
      phone: "0918765432",
      email: "sua@ocop-demo.vn",
      unitId: unit.id,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id } })).searchName).toContain("tran thi sua");
    const clash = await post(id, { intent: "editProfile", fullName: "Trần Thị Sửa", phone: "0913000001", email: "", unitId: String(unit.id) });
    expect(clash.status).toBe(409);
    expect(clash.data.errors.phone).toMatch(/đã được dùng/i);
    const empty = await post(id, { intent: "editProfile", fullName: "", phone: "", email: "", unitId: String(unit.id) });
    expect(empty.status).toBe(400);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).phone).toBe("0918765432");
  });

  it("resets a password with a one-time code that the person uses at /kich-hoat", async () => {
    const id = await userIdOf("0913000008");
    const res = await post(id, { intent: "resetPassword" });
    expect(res.status).toBe(200);
    const code = res.data.code as string;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const act = (c: string) =>
      run(() =>
        activate.action({
          request: postRequest("/kich-hoat", { identifier: "0913000008", code: c, password: "MatKhauMoi@2026", passwordConfirm: "MatKhauMoi@2026" }),
          params: {},
          context: testContext("10.9.0.1"),
        }),
      );
    expect((await act(code)).status).toBe(302);
    expect((await act(code)).status).toBe(422);
  });

  it("pages through the people and filters them by role", async () => {
    const admin = await cookieFor("admin");
    const list = (q: string) =>
      run(() => users.loader({ request: getRequest(`/quan-tri/nguoi-dung${q}`, { cookie: admin }), params: {}, context: testContext() }));
    const first = await list("");
    expect(first.data.total).toBeGreaterThan(100);
    expect(first.data.users).toHaveLength(50);
    expect(first.data.pages).toBe(Math.ceil(first.data.total / 50));
    const second = await list("?trang=2");
    expect(second.data.users[0].id).not.toBe(first.data.users[0].id);
    const trainers = await list("?vai-tro=trainer");
    expect(trainers.data.total).toBeGreaterThan(0);
    expect(trainers.data.users.every((u: { roles: string[] }) => u.roles.includes("Giảng viên"))).toBe(true);
    expect((await list("?vai-tro=king&trang=-3")).status).toBe(200);
  });
});
