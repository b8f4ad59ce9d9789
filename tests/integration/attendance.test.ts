import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { currentCode } from "~/attendance/checkin-code";
import { CODE_ALPHABET } from "~/ops/codes";
import { createClassSession } from "~/attendance/sessions.server";
import { db } from "~/db/db.server";
import { completionFacts, learnerCompletionFacts } from "~/certificates/facts.server";
import * as reports from "~/routes/khoa-hoc.$courseId.bao-cao._index";
import * as report from "~/routes/khoa-hoc.$courseId.bao-cao.tai-ve";
import * as marking from "~/routes/khoa-hoc.$courseId.diem-danh.$sessionId._index";
import * as sessions from "~/routes/khoa-hoc.$courseId.diem-danh._index";
import * as roster from "~/routes/khoa-hoc.$courseId.hoc-vien";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import * as checkin from "~/routes/diem-danh";
import * as activate from "~/routes/kich-hoat";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext, userIdOf } from "../support/http";

const VI = /[ạ-ỹà-ýđ]/i;
const HEADER = ["Họ và tên", "Số điện thoại", "Email", "Đơn vị (xã/huyện)", "Chức vụ", "Đối tượng"];

async function course() {
  return db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
}

async function xlsx(rows: (string | number | { formula: string })[][], sheets: string[] = ["Danh sách"]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [i, name] of sheets.entries()) {
    const ws = wb.addWorksheet(name);
    if (i === sheets.length - 1) for (const r of rows) ws.addRow(r);
    else ws.addRow(["Ghi chú: danh sách ở trang sau"]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fileForm(bytes: Uint8Array | string, name: string, type = "application/octet-stream") {
  const fd = new FormData();
  fd.append("intent", "preview");
  fd.append("file", new File([typeof bytes === "string" ? bytes : bytes.slice().buffer], name, { type }));
  return fd;
}

async function upload(courseId: number, form: FormData, cookie: string) {
  return run(() =>
    importer.action({
      request: postRequest(`/khoa-hoc/${courseId}/nhap-danh-sach`, form, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );
}

async function confirm(courseId: number, token: string, cookie: string) {
  return run(() =>
    importer.action({
      request: postRequest(`/khoa-hoc/${courseId}/nhap-danh-sach`, { intent: "confirm", token }, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );
}

const people = (n: number, from = 1, prefix = "0915") =>
  Array.from({ length: n }, (_, i) => [
    `Nguyễn Văn Thử ${from + i}`,
    `${prefix}${String(from + i).padStart(6, "0")}`,
    "",
    i % 2 ? "thien loc" : "Huyện Can Lộc",
    "Cán bộ",
    i % 3 ? "cán bộ xã" : "chủ thể OCOP",
  ]);

describe("roster import", () => {
  it("previews without writing, then commits every row in one go with activation codes", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const bytes = await xlsx([
      HEADER,
      ...people(30),
      ["Hồ Có Sẵn", "0913000001", "", "Xã Thiên Lộc", "", ""],
      ["Đặng Tư Vấn Cũ", "0912000005", "", "Tỉnh Hà Tĩnh", "", "tư vấn"],
    ]);
    const before = await tableCounts();
    const preview = await upload(c.id, fileForm(bytes, "lop.xlsx"), cookie);
    expect(preview.status).toBe(200);
    expect(preview.data.count).toBe(31);
    type Shown = { severity: string };
    expect(preview.data.problems.filter((p: Shown) => p.severity !== "notice")).toEqual([
      expect.objectContaining({ row: 32, severity: "warning", message: "Đã có trong lớp: bỏ qua." }),
    ]);
    const afterPreview = await tableCounts();
    expect({ ...afterPreview, RosterImport: before.RosterImport }).toEqual(before);

    const done = await confirm(c.id, preview.data.token, cookie);
    expect(done.status).toBe(200);
    // the consultant's existing account is invited to join with the class's code, not enrolled (decision 0016)
    expect(done.data.message).toBe("Đã nhập 30 học viên (30 tài khoản mới). 1 người đã có tài khoản đã nhận lời mời tự vào lớp bằng mã ghi danh.");
    expect(done.data.codes).toHaveLength(30);
    const after = await tableCounts();
    expect(after.User - before.User).toBe(30);
    expect(after.Enrolment - before.Enrolment).toBe(30);
    expect(after.Notification - before.Notification).toBe(1);
    expect(after.AccountActivation - before.AccountActivation).toBe(30);
    const producer = await db().user.findUniqueOrThrow({ where: { phone: "0915000001" }, include: { roles: true, unit: true } });
    expect(producer.roles.map((r) => r.role)).toEqual(["producer"]);
    // a former district places the person at the province, the district kept on the enrolment (issue 18)
    expect(producer.unit?.name).toBe("Tỉnh Hà Tĩnh");
    expect(producer.searchName).toContain("nguyen van thu 1");
    expect(producer.passwordHash).toBeNull();

    // the token is single use
    expect((await confirm(c.id, preview.data.token, cookie)).status).toBe(409);

    // a printed code activates the account once
    const code = done.data.codes.find((x: { contact: string }) => x.contact === "0915000002").code;
    const act = (fields: Record<string, string>) =>
      run(() => activate.action({ request: postRequest("/kich-hoat", fields), params: {}, context: testContext("10.7.0.1") }));
    expect((await act({ identifier: "0915000002", code: "AAAAAAAA", password: "MatKhau@2026", passwordConfirm: "MatKhau@2026" })).status).toBe(422);
    const ok = await act({ identifier: "0915000002", code, password: "MatKhau@2026", passwordConfirm: "MatKhau@2026" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Set-Cookie")).toMatch(/^ocop_session=/);
    expect((await act({ identifier: "0915000002", code, password: "MatKhau@2026", passwordConfirm: "MatKhau@2026" })).status).toBe(422);

    // lost slips: the roster page reissues codes for the accounts still not activated, in the same table
    const reissued = await run(() =>
      roster.action({
        request: postRequest(`/khoa-hoc/${c.id}/hoc-vien`, { intent: "reissue" }, { cookie }),
        params: { courseId: String(c.id) },
        context: testContext(),
      }),
    );
    expect(reissued.status).toBe(200);
    const contacts = reissued.data.codes.map((x: { contact: string }) => x.contact);
    expect(contacts).toContain("0915000003");
    expect(contacts).not.toContain("0915000002");
    const third = reissued.data.codes.find((x: { contact: string }) => x.contact === "0915000003");
    expect(third).toMatchObject({ fullName: "Nguyễn Văn Thử 3", unit: "Tỉnh Hà Tĩnh", code: expect.stringMatching(/^[A-Z0-9]{8}$/) });
    expect(third.code).not.toBe(done.data.codes.find((x: { contact: string }) => x.contact === "0915000003").code);
  });

  it("writes nothing when the data changed between preview and confirm (all or nothing)", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const csv = [HEADER.join(","), ...people(20, 500, "0916").map((r) => r.join(","))].join("\r\n");
    const preview = await upload(c.id, fileForm(csv, "lop.csv", "text/csv"), cookie);
    expect(preview.status).toBe(200);
    // meanwhile row 20's phone and row 20's new email end up on two different accounts
    await db().user.create({ data: { fullName: "Chen Ngang", phone: "0916000519", searchName: "chen ngang" } });
    await db().user.create({ data: { fullName: "Chen Ngang 2", email: "x@y.vn", searchName: "chen ngang 2" } });
    await db().rosterImport.update({
      where: { token: preview.data.token },
      data: {
        rows: JSON.stringify(
          JSON.parse((await db().rosterImport.findUniqueOrThrow({ where: { token: preview.data.token } })).rows).map(
            (r: { email: string | null }, i: number) => (i === 19 ? { ...r, email: "x@y.vn" } : r),
          ),
        ),
      },
    });
    const before = await tableCounts();
    const res = await confirm(c.id, preview.data.token, cookie);
    expect(res.status).toBe(409);
    expect(res.data.errors._form).toMatch(VI);
    expect(await tableCounts()).toEqual(before);
  });

  it("shows every problem of a broken file with row and column, and writes nothing", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const before = await tableCounts();
    const bytes = await xlsx([
      HEADER,
      ["", "0917000001", "", "Xã Thiên Lộc", "", ""],
      ["Lê B", "123", "", "Xã Không Có", "", ""],
      ["Lê C", { formula: "1+1" }, "", "Xã Thiên Lộc", "", ""],
    ]);
    const res = await upload(c.id, fileForm(bytes, "loi.xlsx"), cookie);
    expect(res.status).toBe(422);
    expect(res.data.token).toBeNull();
    expect(res.data.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, "Họ và tên"],
      [3, "Số điện thoại"],
      [3, "Đơn vị"],
      [4, "Số điện thoại"],
      [4, "Số điện thoại"],
    ]);
    // only the preview is kept (to download the refused rows)
    expect({ ...(await tableCounts()), RosterImport: before.RosterImport }).toEqual(before);
  });

  it("gives a clear message for wrong files, never a 500", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const before = await tableCounts();
    const latin1 = new Uint8Array([
      ...Buffer.from("Họ và tên,Số điện thoại,Đơn vị\r\n", "utf8"),
      0x4e,
      0x67,
      0x75,
      0x79,
      0xea,
      0x6e,
      0x2c,
      0x30,
      0x39,
      0x0d,
      0x0a,
    ]);
    const cases: [FormData, number, RegExp][] = [
      [fileForm(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), "ban.pdf"), 422, /không phải bảng tính/],
      [fileForm(latin1, "lop.csv"), 422, /UTF-8/],
      [fileForm(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "cu.xls"), 422, /\.xls/],
      [fileForm(await xlsx([HEADER], ["Trang 1"]), "rong.xlsx"), 422, /không có dòng học viên/],
      [
        fileForm(
          await xlsx(
            [
              ["Mã", "Tên sản phẩm"],
              ["1", "Nước mắm"],
            ],
            ["Ghi chú", "Sản phẩm"],
          ),
          "sai-trang.xlsx",
        ),
        422,
        /trang tính/,
      ],
      [fileForm(await xlsx([HEADER, ...people(10_000, 1, "0918")]), "lon.xlsx"), 422, /10000 dòng|10 000 dòng|vượt quá/],
      [fileForm(new Uint8Array(3 * 1024 * 1024).fill(65), "to.csv"), 413, /quá lớn/],
      [fileForm(new Uint8Array(0), "rong.csv"), 400, /Chọn tệp/],
      [fileForm(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), "hong.xlsx"), 422, /không phải bảng tính/],
    ];
    for (const [form, status, message] of cases) {
      const res = await upload(c.id, form, cookie);
      expect(res.status).toBe(status);
      expect(res.data.errors.file).toMatch(message);
    }
    const notMultipart = await run(() =>
      importer.action({
        request: postRequest(`/khoa-hoc/${c.id}/nhap-danh-sach`, { intent: "confirm", token: "x".repeat(100_000) }, { cookie }),
        params: { courseId: String(c.id) },
        context: testContext(),
      }),
    );
    expect(notMultipart.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  }, 60_000);

  it("adds and removes a single learner by hand, with messages at the fields", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const post = (fields: Record<string, string>) =>
      run(() =>
        roster.action({ request: postRequest(`/khoa-hoc/${c.id}/hoc-vien`, fields, { cookie }), params: { courseId: String(c.id) }, context: testContext() }),
      );
    const before = await tableCounts();
    const bad = await post({ intent: "add", fullName: "", phone: "12", unit: "Xã Mơ Hồ" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.fullName).toMatch(VI);
    const bad2 = await post({ intent: "add", fullName: "Lê Văn Mới", phone: "12", unit: "Xã Mơ Hồ" });
    expect(bad2.status).toBe(422);
    expect(bad2.data.errors.phone).toMatch(VI);
    expect(bad2.data.errors.unit).toMatch(VI);
    expect((await post({ intent: "nope" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
    const ok = await post({ intent: "add", fullName: "Lê Văn Mới", phone: "0919 000 001", unit: "vuong loc" });
    expect(ok.status).toBe(200);
    expect(ok.data.message).toMatch(/Mã kích hoạt: [A-Z2-9]{8}/);
    const id = await userIdOf("0919000001");
    expect((await post({ intent: "remove", userId: String(id) })).status).toBe(200);
    expect(await db().enrolment.count({ where: { courseId: c.id, userId: id } })).toBe(0);
    expect((await post({ intent: "remove", userId: String(id) })).status).toBe(404);
  });
});

async function openSession(courseId: number) {
  const now = Date.now();
  const created = await createClassSession(courseId, {
    title: "Buổi kiểm thử",
    startsAt: new Date(now - 10 * 60_000),
    endsAt: new Date(now + 60 * 60_000),
    place: "Hội trường",
    trainerId: null,
    rotateSeconds: 30,
    graceBeforeMin: 15,
    graceAfterMin: 30,
    lateAfterMin: 15,
  });
  if (!created.ok) throw new Error("session not created");
  const id = created.id;
  const s = await db().classSession.findUniqueOrThrow({ where: { id } });
  return { id, code: () => currentCode(s.checkinSecret, new Date(), 30) };
}

const checkinAs = (cookie: string, fields: Record<string, string>, ip = "10.3.0.1") =>
  run(() => checkin.action({ request: postRequest("/diem-danh", fields, { cookie }), params: {}, context: testContext(ip) }));

describe("self check-in", () => {
  it("records one check-in per learner and session", async () => {
    const c = await course();
    const s = await openSession(c.id);
    const cookie = await cookieFor(await userIdOf("0913000011"));
    const first = await checkinAs(cookie, { code: s.code().toLowerCase() });
    expect(first.status).toBe(200);
    expect(first.data.message).toMatch(/^Đã điểm danh buổi “Buổi kiểm thử”: Có mặt/);
    expect(first.data.session).toBe("Buổi kiểm thử");
    const again = await checkinAs(cookie, { code: s.code(), buoi: String(s.id) });
    expect(again.status).toBe(409);
    expect(again.data.errors.code).toBe("Bạn đã được điểm danh buổi này rồi (Có mặt).");
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(1);
  });

  it("refuses a learner who is not enrolled, a wrong code, another session's code, and a flood of guesses", async () => {
    const c = await course();
    const s = await openSession(c.id);
    const other = await openSession(c.id);
    // a learner of another class (check-in is for learners and producers)
    const unit = await db().unit.findFirstOrThrow({ where: { level: "COMMUNE" } });
    const outsider = await db().user.create({
      data: {
        fullName: "Người Ngoài",
        phone: "0919999999",
        searchName: "nguoi ngoai",
        unitId: unit.id,
        roles: { create: { role: "learner", unitId: unit.id } },
      },
    });
    const outsiderCookie = await cookieFor(outsider.id);
    const before = await tableCounts();
    const res = await checkinAs(outsiderCookie, { code: s.code(), buoi: String(s.id) });
    expect(res.status).toBe(403);
    expect(res.data.errors.code).toBe("Bạn không có tên trong danh sách lớp của buổi học này.");
    expect(await tableCounts()).toEqual(before);

    const learner = await cookieFor(await userIdOf("0912000003"));
    const wrongSession = await checkinAs(learner, { code: other.code(), buoi: String(s.id) }, "10.4.0.1");
    expect(wrongSession.status).toBe(422);
    expect(wrongSession.data.errors.code).toMatch(/Mã không đúng/);
    for (const bad of ["", "x".repeat(100_000)]) expect((await checkinAs(learner, { code: bad }, "10.4.0.2")).status).toBe(400);
    for (let i = 0; i < 9; i++) await checkinAs(learner, { code: "AAAAAA" }, "10.4.0.3");
    const blocked = await checkinAs(learner, { code: s.code() }, "10.4.0.4");
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.code).toMatch(/thử lại sau \d{2}:\d{2}/);
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("refuses a code with characters the codes never use, and names them", async () => {
    const learner = await cookieFor(await userIdOf("0912000004"));
    const res = await checkinAs(learner, { code: "ABC123" }, "10.4.1.1");
    expect(res.status).toBe(400);
    // every character of A–Z, 0–9 left out of the alphabet is named, and no other
    const unused = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].filter((ch) => !CODE_ALPHABET.includes(ch));
    expect(unused).toEqual(["I", "L", "O", "0", "1"]);
    expect(res.data.errors.code).toBe("Mã gồm 6 chữ cái và chữ số, không dùng I, L, O, 0 và 1 (ví dụ: K7M2QX).");
  });

  it("a burst of 210 concurrent check-ins writes exactly 210 rows", async () => {
    const c = await course();
    const s = await openSession(c.id);
    const ids = (await db().enrolment.findMany({ where: { courseId: c.id, user: { phone: { startsWith: "0913" } } }, select: { userId: true } })).map(
      (e) => e.userId,
    );
    expect(ids.length).toBe(210);
    const cookies = await Promise.all(ids.map((id) => cookieFor(id)));
    const code = s.code();
    const results = await Promise.all(
      [...cookies, ...cookies.slice(0, 20)].map((cookie, i) => checkinAs(cookie, { code, buoi: String(s.id) }, `10.5.${i % 200}.1`)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(210);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(210);
  }, 60_000);
});

describe("marking", () => {
  it("saves all changes in one go and records who marked", async () => {
    const c = await course();
    const s = await openSession(c.id);
    const cookie = await cookieFor("trainer");
    const params = { courseId: String(c.id), sessionId: String(s.id) };
    const page = await run(() =>
      marking.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}?q=0913000001`, { cookie }), params, context: testContext() }),
    );
    expect(page.status).toBe(200);
    expect(page.data.rows).toHaveLength(1);
    const all = await run(() => marking.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, { cookie }), params, context: testContext() }));
    const ids = all.data.rows.map((r: { id: number }) => String(r.id));
    const post = (fields: Record<string, string | string[]>, who = cookie) =>
      run(() => marking.action({ request: postRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, fields, { cookie: who }), params, context: testContext() }));
    const ask = await post({ intent: "rest", status: "PRESENT", ids });
    expect(ask.data.confirm).toEqual({ status: "PRESENT", ids: ids.map(Number) }); // asks first, writes nothing
    expect(await db().attendance.count({ where: { sessionId: s.id } })).toBe(0);
    const allPresent = await post({ intent: "rest", status: "PRESENT", confirmed: "1", ids });
    expect(allPresent.data.message).toBe(`Đã đánh dấu có mặt cho ${ids.length} học viên.`);
    const before = await tableCounts();
    const bad = await post({ intent: "save", ids: ids.slice(0, 2), [`mark.${ids[0]}`]: "ABSENT", [`mark.${ids[1]}`]: "MAYBE" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors[`mark.${ids[1]}`]).toMatch(VI);
    expect(await db().attendance.findFirst({ where: { sessionId: s.id, userId: Number(ids[0]) } })).toMatchObject({ status: "PRESENT" });
    expect((await post({ intent: "save", ids: ["999999"], "mark.999999": "ABSENT" })).status).toBe(422);
    expect((await post({ intent: "drop", ids })).status).toBe(400);
    expect((await post({ intent: "save", ids: [ids[0]], [`note.${ids[0]}`]: "x".repeat(100_000), [`mark.${ids[0]}`]: "LATE" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
    const ok = await post({
      intent: "save",
      ids: ids.slice(0, 3),
      [`mark.${ids[0]}`]: "ABSENT",
      [`mark.${ids[1]}`]: "EXCUSED",
      [`note.${ids[1]}`]: "Ốm",
      [`mark.${ids[2]}`]: "PRESENT",
    });
    expect(ok.data.message).toBe("Đã lưu điểm danh: 2 thay đổi.");
    // a second marker (the admin) changes a row after this trainer loaded the page: the save says so
    const loadedAt = String(Date.now() - 1000);
    const adminCookie = await cookieFor("admin");
    await post({ intent: "save", ids: [ids[3]], [`mark.${ids[3]}`]: "LATE", loadedAt }, adminCookie);
    const overwrite = await post({ intent: "save", ids: [ids[3]], [`mark.${ids[3]}`]: "ABSENT", loadedAt });
    expect(overwrite.data.message).toMatch(/^Đã lưu điểm danh: 1 thay đổi\. Lưu ý: 1 học viên đã được giảng viên khác điểm danh/);
    const trainerId = await userIdOf("giangvien@ocop-demo.vn");
    expect(await db().attendance.findFirst({ where: { sessionId: s.id, userId: Number(ids[1]) } })).toMatchObject({
      status: "EXCUSED",
      note: "Ốm",
      markedById: trainerId,
    });
  });

  it("a trainer of another class cannot see or mark this one; a learner is refused", async () => {
    const c = await course();
    const s = await openSession(c.id);
    const province = await db().unit.findFirstOrThrow({ where: { level: "PROVINCE" } });
    const otherTrainer = await db().user.create({
      data: { fullName: "Giảng Viên Khác", email: "gv.khac@ocop-demo.vn", searchName: "giang vien khac", unitId: province.id },
    });
    await db().roleAssignment.create({ data: { userId: otherTrainer.id, role: "trainer", unitId: province.id } });
    const otherCourse = await db().course.create({
      data: { code: "KHAC", title: "Lớp khác", unitId: province.id, enrolmentCode: "KHAC01", startsOn: new Date(), endsOn: new Date(Date.now() + 864e5) },
    });
    await db().courseTrainer.create({ data: { courseId: otherCourse.id, userId: otherTrainer.id } });
    const cookie = await cookieFor(otherTrainer.id);
    const params = { courseId: String(c.id), sessionId: String(s.id) };
    const [learnerCookie, adminCookie] = [await cookieFor("learner"), await cookieFor("admin")];
    const before = await tableCounts();
    const learnerId = String(await userIdOf("0913000020"));
    const res = await run(() =>
      marking.action({
        request: postRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, { intent: "save", ids: [learnerId], [`mark.${learnerId}`]: "ABSENT" }, { cookie }),
        params,
        context: testContext(),
      }),
    );
    expect(res.status).toBe(404);
    const page = await run(() => marking.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, { cookie }), params, context: testContext() }));
    expect(page.status).toBe(404);
    const learner = await run(() =>
      marking.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, { cookie: learnerCookie }), params, context: testContext() }),
    );
    expect(learner.status).toBe(403);
    expect(await tableCounts()).toEqual(before);
    // the admin of the province may
    const admin = await run(() =>
      marking.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh/${s.id}`, { cookie: adminCookie }), params, context: testContext() }),
    );
    expect(admin.status).toBe(200);
  });

  it("validates the session form", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const post = (fields: Record<string, string>) =>
      run(() =>
        sessions.action({
          request: postRequest(`/khoa-hoc/${c.id}/diem-danh`, fields, { cookie }),
          params: { courseId: String(c.id) },
          context: testContext(),
        }),
      );
    const base = {
      intent: "create",
      date: "2026-12-01",
      start: "08:00",
      end: "11:00",
      rotateSeconds: "30",
      graceBeforeMin: "15",
      graceAfterMin: "30",
      lateAfterMin: "15",
    };
    const before = await tableCounts();
    expect((await post({ ...base, end: "07:00" })).data.errors.end).toBe("Giờ kết thúc phải sau giờ bắt đầu.");
    expect((await post({ ...base, date: "2026-02-30" })).data.errors.date).toMatch(VI);
    expect((await post({ ...base, rotateSeconds: "abc" })).data.errors.rotateSeconds).toMatch(VI);
    expect((await post({ ...base, title: "x".repeat(100_000) })).data.errors.title).toMatch(VI);
    expect((await post({ ...base, trainerId: "999999" })).status).toBe(422);
    expect((await post({ intent: "cancel", sessionId: "999999" })).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
    expect((await post(base)).status).toBe(200);
  });
});

describe("exports", () => {
  it("CSV with BOM, CRLF and Vietnamese headers; XLSX that Excel opens", async () => {
    const c = await course();
    const cookie = await cookieFor("trainer");
    const get = (q: string) =>
      report.loader({ request: getRequest(`/khoa-hoc/${c.id}/bao-cao/tai-ve?${q}`, { cookie }), params: { courseId: String(c.id) }, context: testContext() });
    const csv = (await get("bang=hoc-vien&dinh-dang=csv")) as Response;
    expect(csv.headers.get("Content-Disposition")).toMatch(/attachment; filename="diem-danh-hoc-vien-lop-\d+\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      '\uFEFF"Họ và tên","Số điện thoại","Đơn vị","Số buổi có mặt","Số buổi vắng có phép","Số buổi đã học","Tỷ lệ chuyên cần (%)"',
    );
    const file = (await get("bang=luoi&dinh-dang=xlsx")) as Response;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe("Họ và tên");
    expect(wb.worksheets[0].rowCount).toBeGreaterThanOrEqual(211);
    const bad = await run(() => get("bang=khac"));
    expect(bad.status).toBe(400);
  });
});

describe("attendance rates count only sessions taken, for learners enrolled by then (issue 14)", () => {
  /** A copy of the demo class: its roster enrolled in October, four November sessions, the first two marked. */
  async function novemberClass() {
    const demo = await course();
    const c = await db().course.create({
      data: { code: "RATES-14", title: "Lớp tỷ lệ", unitId: demo.unitId, enrolmentCode: "RATES14", startsOn: demo.startsOn, endsOn: demo.endsOn },
    });
    await db().courseTrainer.createMany({
      data: (await db().courseTrainer.findMany({ where: { courseId: demo.id } })).map((t) => ({ courseId: c.id, userId: t.userId })),
    });
    const learners = (await db().enrolment.findMany({ where: { courseId: demo.id } })).map((e) => e.userId);
    await db().enrolment.createMany({ data: learners.map((userId) => ({ courseId: c.id, userId, createdAt: new Date("2026-10-26T01:00:00Z") })) });
    for (const day of [2, 3, 4, 5]) {
      const s = await db().classSession.create({
        data: { courseId: c.id, startsAt: new Date(Date.UTC(2026, 10, day, 1)), endsAt: new Date(Date.UTC(2026, 10, day, 4)), checkinSecret: "x" },
      });
      if (day <= 3)
        await db().attendance.createMany({ data: learners.map((userId, i) => ({ sessionId: s.id, userId, status: i % 10 === 0 ? "ABSENT" : "PRESENT" })) });
    }
    return c;
  }

  it("untaken sessions are shown as such, not charged; a learner added today owes nothing", async () => {
    const c = await novemberClass();
    const cookie = await cookieFor("trainer");
    const params = { courseId: String(c.id) };
    const reportPage = () => run(() => reports.loader({ request: getRequest(`/khoa-hoc/${c.id}/bao-cao`, { cookie }), params, context: testContext() }));
    const before = await reportPage();
    expect(before.status).toBe(200);
    const states = before.data.bySession.rows.map((r: unknown[]) => r[1]);
    expect(states).toEqual([
      "Đã điểm danh",
      "Đã điểm danh",
      "Chưa điểm danh (không tính vào tỷ lệ chuyên cần)",
      "Chưa điểm danh (không tính vào tỷ lệ chuyên cần)",
    ]);
    const rates = before.data.byLearner.rows.map((r: unknown[]) => r[6] as number);
    expect(Math.max(...rates)).toBe(100);
    expect(before.data.below.rows.length).toBe(Math.ceil(before.data.byLearner.rows.length / 10)); // every tenth was absent
    const list = await run(() => sessions.loader({ request: getRequest(`/khoa-hoc/${c.id}/diem-danh`, { cookie }), params, context: testContext() }));
    expect(list.data.sessions.map((s: { notTaken: boolean }) => s.notTaken)).toEqual([false, false, true, true]);

    // a learner enrolled today: not charged for November, and November's class size is unchanged
    const newcomer = await db().user.create({ data: { fullName: "Lê Văn Mới", phone: "0916000001", unitId: c.unitId } });
    await db().enrolment.create({ data: { courseId: c.id, userId: newcomer.id } });
    const after = await reportPage();
    expect(after.data.bySession.rows.map((r: unknown[]) => r[2])).toEqual(before.data.bySession.rows.map((r: unknown[]) => r[2]));
    const row = after.data.byLearner.rows.find((r: unknown[]) => r[0] === "Lê Văn Mới");
    expect(row.slice(3)).toEqual([0, 0, 0, 0]);
    expect(after.data.below.rows.some((r: unknown[]) => r[0] === "Lê Văn Mới")).toBe(false);

    // the certificate rule reads the same figures, per class and per learner
    const present = await db().attendance.findFirstOrThrow({ where: { session: { courseId: c.id }, status: "PRESENT" }, orderBy: { id: "asc" } });
    const facts = await completionFacts(c.id, [present.userId, newcomer.id]);
    expect(facts.get(present.userId)).toMatchObject({ sessionsHeld: 2, sessionsAttended: 2 });
    expect(facts.get(newcomer.id)).toMatchObject({ sessionsHeld: 0, sessionsAttended: 0 });
    expect((await learnerCompletionFacts(present.userId)).get(c.id)).toMatchObject({ sessionsHeld: 2 });
    expect((await learnerCompletionFacts(newcomer.id)).get(c.id)).toMatchObject({ sessionsHeld: 0 });
  });
});
