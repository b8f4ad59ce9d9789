import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import * as refused from "~/routes/khoa-hoc.$courseId.nhap-danh-sach.loi";
import { cookieFor, getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/** A roster with faulty rows: the trainer imports the valid rows now and downloads the refused ones to fix. */
const HEADER = ["Họ và tên", "Số điện thoại", "Email", "Đơn vị (xã/huyện)", "Chức vụ", "Đối tượng"];

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function preview(courseId: number, bytes: Uint8Array, cookie: string) {
  const fd = new FormData();
  fd.append("file", new File([bytes.slice().buffer], "lop-a.xlsx"));
  return run(() =>
    importer.action({
      request: postRequest(`/khoa-hoc/${courseId}/nhap-danh-sach`, fd, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );
}

const confirm = (courseId: number, token: string, cookie: string) =>
  run(() =>
    importer.action({
      request: postRequest(`/khoa-hoc/${courseId}/nhap-danh-sach`, { intent: "confirm", token }, { cookie }),
      params: { courseId: String(courseId) },
      context: testContext(),
    }),
  );

const load = (courseId: number, url: string, cookie: string) =>
  refused.loader({ request: getRequest(url, { cookie }), params: { courseId: String(courseId) }, context: testContext() });
const download = async (courseId: number, url: string, cookie: string) => (await load(courseId, url, cookie)) as Response;
const refusal = (courseId: number, url: string, cookie: string) => run(() => load(courseId, url, cookie));

const FILE = [
  HEADER,
  ["Phan Văn Đúng", "0918000001", "", "Xã Thiên Lộc", "", "cán bộ xã"],
  ["Phan Thị Sai", "12345", "sai@", "Xã Không Có", "", ""],
  ["Phan Văn Hai", "0918000003", "", "Huyện Can Lộc", "", ""],
  ["Phan Văn Lạc", "0918000004", "", "Xã Lạc Đâu", "", ""],
];

describe("importing the valid rows of a faulty roster", () => {
  it("summarises rows (not problems), names each person, writes nothing until the trainer chooses", async () => {
    const c = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await cookieFor("trainer");
    const before = await tableCounts();
    const res = await preview(c.id, await xlsx(FILE), cookie);
    expect(res.status).toBe(422);
    expect(res.data.summary).toBe("4 dòng: 2 hợp lệ (2 tài khoản mới, 0 tài khoản đã có), 2 dòng có lỗi (4 lỗi), 0 dòng bỏ qua (đã có trong lớp).");
    type Shown = { name: string; severity: string; message: string };
    expect(res.data.problems.filter((p: Shown) => p.severity === "error").map((p: Shown) => p.name)).toEqual([
      "Phan Thị Sai",
      "Phan Thị Sai",
      "Phan Thị Sai",
      "Phan Văn Lạc",
    ]);
    // the former commune and the former district go in, each with a notice naming what was done
    expect(res.data.problems.filter((p: Shown) => p.severity === "notice").map((p: Shown) => p.name)).toEqual(["Phan Văn Đúng", "Phan Văn Hai"]);
    const after = await tableCounts();
    expect({ ...after, RosterImport: before.RosterImport }).toEqual(before);
  });

  it("imports only the valid rows, once, and gives the refused rows back as Excel with their reasons", async () => {
    const c = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await cookieFor("trainer");
    const res = await preview(c.id, await xlsx(FILE), cookie);
    expect(res.data.token).toEqual(expect.any(String));
    expect(res.data.refusedUrl).toMatch(new RegExp(`^/khoa-hoc/${c.id}/nhap-danh-sach/loi\\?ma=`));

    const done = await confirm(c.id, res.data.token, cookie);
    expect(done.status).toBe(200);
    expect(done.data.message).toBe("Đã nhập 2 học viên (2 tài khoản mới).");
    expect(await db().user.count({ where: { phone: { in: ["0918000001", "0918000003", "0918000004"] } } })).toBe(2);
    expect((await confirm(c.id, res.data.token, cookie)).status).toBe(409);

    const file = await download(c.id, res.data.refusedUrl, cookie);
    expect(file.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(file.headers.get("Content-Disposition")).toMatch(/filename="lop-a-dong-loi\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER, "Dòng trong tệp gốc", "Lý do"]);
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe("Phan Thị Sai");
    expect(ws.getRow(2).getCell(7).value).toBe(3);
    expect(String(ws.getRow(3).getCell(8).value)).toBe("Đơn vị: Không tìm thấy đơn vị này trong tỉnh (kể cả xã, huyện cũ).");
  });

  it("gives the refused rows to no one else", async () => {
    const c = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const res = await preview(c.id, await xlsx(FILE), await cookieFor("trainer"));
    expect((await refusal(c.id, res.data.refusedUrl, await cookieFor("admin"))).status).toBe(404);
    expect((await refusal(c.id, `/khoa-hoc/${c.id}/nhap-danh-sach/loi?ma=khong-co`, await cookieFor("trainer"))).status).toBe(404);
  });
});
