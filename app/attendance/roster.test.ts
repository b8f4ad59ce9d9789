import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesSearch } from "~/i18n/fold";
import { byUnitThenName, countsBySession, belowRate, grid, learnerRates } from "./report";
import { matchUnitFixture } from "~/units/fixtures";
import { findHeaderRow, hasErrors, headerField, parseCategory, parseCsv, refusedSheet, rosterSummary, validateLearner, validateRoster } from "./roster";

const unit = (id: number, name: string, level: string, parentId: number | null, former = false, successorIds: number[] = []) =>
  matchUnitFixture(id, name, level, parentId, { former, successorIds });
/** A province before the catalogue is loaded: its units are all of today. */
const UNITS = [
  unit(1, "Tỉnh Hà Tĩnh", "PROVINCE", null),
  unit(2, "Huyện Can Lộc", "DISTRICT", 1),
  unit(3, "Xã Thiên Lộc", "COMMUNE", 2),
  unit(4, "Xã Vượng Lộc", "COMMUNE", 2),
];
/** The same after 1 July 2025: the 2020 units are former, with their successors. */
const UNITS_2026 = [
  unit(1, "Tỉnh Hà Tĩnh", "PROVINCE", null),
  unit(2, "Huyện Can Lộc", "DISTRICT", 1, true),
  unit(3, "Xã Thiên Lộc", "COMMUNE", 2, true, [20]),
  unit(4, "Xã Cẩm Quan", "COMMUNE", 1, true, [21, 22]),
  unit(20, "Xã Can Lộc", "COMMUNE", 1),
  unit(21, "Xã Cẩm Bình", "COMMUNE", 1),
  unit(22, "Xã Cẩm Duệ", "COMMUNE", 1),
];
const HEADER = ["Họ và tên", "Số điện thoại", "Email", "Đơn vị (xã/huyện)", "Chức vụ", "Đối tượng"];

describe("a roster with faulty rows", () => {
  const ctx = { units: UNITS, accounts: [{ id: 9, phone: "0913000001", email: null, enrolled: true }] };
  const table = {
    rows: [
      HEADER,
      ["Nguyễn Văn A", "0914000001", "", "Xã Thiên Lộc", "", ""],
      ["Trần Thị B", "12345", "b@", "Xã Mơ Hồ", "", ""],
      ["Lê Văn C", "0914000003", "", "Xã Không Có", "", ""],
      ["Hồ Văn E", "0913000001", "", "Huyện Can Lộc", "", ""],
    ],
  };

  it("counts rows, not problems: valid + rows with errors + skipped rows add up to the file's rows", () => {
    const r = validateRoster(table, ctx);
    if (!r.ok) throw new Error(r.error);
    expect(rosterSummary(r)).toEqual({ rows: 4, ok: 1, new: 1, existing: 0, errorRows: 2, errors: 4, skipped: 1 });
  });

  it("names the person on every problem", () => {
    const r = validateRoster(table, ctx);
    if (!r.ok) throw new Error(r.error);
    expect(r.problems.filter((p) => p.row === 3).map((p) => p.name)).toEqual(["Trần Thị B", "Trần Thị B", "Trần Thị B"]);
  });

  it("gives the refused rows back as they were typed, with the row number and the reasons, to fix and import again", () => {
    const r = validateRoster(table, ctx);
    if (!r.ok) throw new Error(r.error);
    const sheet = refusedSheet(r);
    expect(sheet.headers).toEqual([...HEADER, "Dòng trong tệp gốc", "Lý do"]);
    expect(sheet.rows).toEqual([
      [
        "Trần Thị B",
        "12345",
        "b@",
        "Xã Mơ Hồ",
        "",
        "",
        3,
        "Số điện thoại: Số điện thoại không hợp lệ (cần số di động 10 chữ số; cán bộ có thể ghi số máy bàn cơ quan 02…). Email: Email không hợp lệ. Đơn vị: Không tìm thấy đơn vị này trong tỉnh (kể cả xã, huyện cũ).",
      ],
      ["Lê Văn C", "0914000003", "", "Xã Không Có", "", "", 4, "Đơn vị: Không tìm thấy đơn vị này trong tỉnh (kể cả xã, huyện cũ)."],
    ]);
  });
});

describe("roster headers and values", () => {
  it("matches Vietnamese header names without diacritics and case", () => {
    expect(headerField("HỌ VÀ TÊN")).toBe("fullName");
    expect(headerField("ho va ten")).toBe("fullName");
    expect(headerField("Số điện thoại")).toBe("phone");
    expect(headerField("SDT")).toBe("phone");
    expect(headerField("Đơn vị (xã/huyện)")).toBe("unit");
    expect(headerField("đối tượng")).toBe("category");
    expect(headerField("Ghi chú")).toBeNull();
    expect(findHeaderRow([["DANH SÁCH HỌC VIÊN"], [], HEADER])).toBe(2);
    expect(findHeaderRow([["a", "b"]])).toBe(-1);
  });

  it("reads the four categories", () => {
    expect(parseCategory("Cán bộ huyện")).toBe("DISTRICT_OFFICER");
    expect(parseCategory("can bo xa")).toBe("COMMUNE_OFFICER");
    expect(parseCategory("Chủ thể OCOP")).toBe("PRODUCER");
    expect(parseCategory("Tư vấn")).toBe("CONSULTANT");
    expect(parseCategory("")).toBe("OTHER");
    expect(parseCategory("sinh viên")).toBeNull();
  });

  it("accepts a 2026 roster of former units with notices: successor, province for a district, a choice for a split", () => {
    const r = validateRoster(
      {
        rows: [
          HEADER,
          ["Nguyễn Văn A", "84914000001", "", "Thiên Lộc - Can Lộc", "", "cán bộ xã"],
          ["Trần Thị B", "(+84) 914 000 002", "", "Huyện Can Lộc", "", "cán bộ huyện"],
          ["Lê Văn C", "0914.000.003", "", "xa cam quan", "", ""],
          ["Phạm Văn D", "0239 3855 123", "", "Xã Can Lộc", "", "cán bộ xã"],
          ["Hồ Thị E", "0239 3855 124", "", "Xã Cẩm Bìn", "", "chủ thể OCOP"],
        ],
      },
      { units: UNITS_2026, accounts: [] },
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.rows.map((x) => [x.row, x.phone, x.unitId, x.unitName, x.unitNote, x.unitChoices?.map((c) => c.id)])).toEqual([
      [2, "0914000001", 20, "Xã Can Lộc", null, undefined],
      [3, "0914000002", 1, "Tỉnh Hà Tĩnh", "Huyện Can Lộc", undefined],
      [4, "0914000003", null, "Xã Cẩm Quan", null, [21, 22]],
      [5, "02393855123", 20, "Xã Can Lộc", null, undefined],
    ]);
    expect(r.problems.map((p) => [p.row, p.severity, p.message, p.value])).toEqual([
      [2, "notice", "att.import.unitFormer", "Xã Thiên Lộc → Xã Can Lộc"],
      [3, "notice", "att.import.unitDistrict", "Huyện Can Lộc → Tỉnh Hà Tĩnh"],
      [4, "notice", "att.import.unitSplit", "Xã Cẩm Quan → Xã Cẩm Bình, Xã Cẩm Duệ"],
      // a producer's phone must be a mobile; the unknown unit comes with the closest name
      [6, "error", "att.import.phoneBad", "0239 3855 124"],
      [6, "error", "att.import.unitUnknown", "Xã Cẩm Bìn (gần giống: Xã Cẩm Bình)"],
    ]);
    expect(rosterSummary(r)).toMatchObject({ rows: 5, ok: 4, errorRows: 1, skipped: 0 });
  });
});

describe("roster validation", () => {
  const ctx = {
    units: UNITS,
    accounts: [
      { id: 50, phone: "0913000001", email: null, enrolled: true },
      { id: 51, phone: "0913000002", email: "b@x.vn", enrolled: false },
    ],
  };
  it("lists each problem with row number and column", () => {
    const table = {
      rows: [
        HEADER,
        ["Nguyễn Văn A", "0914 000 001", "", "thien loc", "Công chức", "cán bộ xã"],
        ["", "0914000002", "", "Xã Thiên Lộc", "", ""],
        ["Trần B", "12345", "", "Xã Thiên Lộc", "", ""],
        ["Lê C", "0914000001", "", "Xã Thiên Lộc", "", ""],
        ["Phạm D", "0914000005", "", "Xã Mơ Hồ", "", ""],
        ["Hồ E", "0913000001", "", "Huyện Can Lộc", "", "cán bộ huyện"],
        ["Võ F", "0913000002", "", "Huyện Can Lộc", "", "sinh viên"],
        ["Đỗ G", "", "", "Huyện Can Lộc", "", ""],
        ["", "", "", "", "", ""],
      ],
    };
    const r = validateRoster(table, ctx);
    if (!r.ok) throw new Error(r.error);
    const brief = r.problems.map((p) => [p.row, p.column, p.message]);
    expect(brief).toEqual([
      [3, "fullName", "att.import.nameMissing"],
      [4, "phone", "att.import.phoneBad"],
      [5, "phone", "att.import.phoneDuplicate"],
      [6, "unit", "att.import.unitUnknown"],
      [7, "phone", "att.import.alreadyEnrolled"],
      [8, "category", "att.import.categoryUnknown"],
      [9, "phone", "att.import.contactMissing"],
    ]);
    expect(r.problems.find((p) => p.row === 7)!.severity).toBe("warning");
    expect(hasErrors(r.problems)).toBe(true);
    expect(r.rows.map((x) => [x.row, x.phone, x.unitId, x.category])).toEqual([[2, "0914000001", 3, "COMMUNE_OFFICER"]]);
    expect(r.fileRows).toBe(8);
  });

  it("enrols an existing account instead of creating one", () => {
    const r = validateRoster({ rows: [HEADER, ["Võ F", "0913000002", "", "Can Loc", "", "tư vấn"]] }, ctx);
    expect(r.ok && r.rows[0].existingUserId).toBe(51);
  });

  it("refuses files without a header, without rows, or with too many rows", () => {
    expect(
      validateRoster(
        {
          rows: [
            ["a", "b"],
            ["c", "d"],
          ],
        },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: "att.import.noHeader" });
    expect(validateRoster({ rows: [HEADER] }, ctx)).toMatchObject({ ok: false, error: "att.import.empty" });
    const big = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => [`Người ${i}`, "", "", "Xã Thiên Lộc", "", ""])];
    expect(validateRoster({ rows: big }, ctx)).toMatchObject({ ok: false, error: "att.import.tooMany" });
    expect(
      validateRoster(
        {
          rows: [
            ["Họ và tên", "Số điện thoại"],
            ["A", "0914000001"],
          ],
        },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: "att.import.missingColumn" });
  });

  it("flags formula cells", () => {
    const r = validateRoster({ rows: [HEADER, ["A", "0914000009", "", "Xã Thiên Lộc", "", ""]], formulaCells: [{ row: 2, col: 1 }] }, ctx);
    expect(r.ok && r.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, "phone", "att.import.formula"]]);
  });

  it("parses CSV with quotes, semicolons and a BOM", () => {
    expect(parseCsv('\uFEFFHọ và tên,Đơn vị\r\n"Nguyễn ""Văn"" A","Xã Thiên Lộc, Can Lộc"\r\n')).toEqual([
      ["Họ và tên", "Đơn vị"],
      ['Nguyễn "Văn" A', "Xã Thiên Lộc, Can Lộc"],
    ]);
    expect(parseCsv("a;b;c\n1;2;3")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });
});

describe("diacritics-insensitive search", () => {
  it("finds Vietnamese names typed without marks", () => {
    expect(matchesSearch("nguyen van a", "nguyen van a")).toBe(true);
    expect(
      matchesSearch(
        "đặng thị hồng nhung"
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/đ/g, "d"),
        "dang nhung",
      ),
    ).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom("Nguyễn Văn Ánh", "Đặng Thị Hằng", "Lê Quang Hữu", "Võ Thị Yến"), (name) => {
        const folded = name
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/[đĐ]/g, "d")
          .toLowerCase();
        return matchesSearch(folded, name) && matchesSearch(folded, folded.toUpperCase());
      }),
    );
  });
});

describe("reports", () => {
  const sessions = [
    { id: 1, startsAt: new Date("2026-11-02T01:00:00Z"), endsAt: new Date("2026-11-02T04:00:00Z"), status: "SCHEDULED", title: "1" },
    { id: 2, startsAt: new Date("2026-11-03T01:00:00Z"), endsAt: new Date("2026-11-03T04:00:00Z"), status: "SCHEDULED", title: "2" },
  ];
  const learners = [
    { id: 10, fullName: "Nguyễn Văn An", unitName: "Xã Thiên Lộc", phone: null, enrolledAt: new Date("2026-10-26T01:00:00Z") },
    { id: 11, fullName: "Trần Thị Bình", unitName: "Huyện Can Lộc", phone: null, enrolledAt: new Date("2026-10-26T01:00:00Z") },
  ];
  const marks = [
    { sessionId: 1, userId: 10, status: "PRESENT" },
    { sessionId: 2, userId: 10, status: "LATE" },
    { sessionId: 1, userId: 11, status: "EXCUSED" },
  ];
  it("counts per session, rates per learner, grid and below threshold", () => {
    expect(countsBySession(sessions, learners, marks)).toEqual([
      { sessionId: 1, size: 2, PRESENT: 1, LATE: 0, EXCUSED: 1, ABSENT: 0, UNMARKED: 0 },
      { sessionId: 2, size: 2, PRESENT: 0, LATE: 1, EXCUSED: 0, ABSENT: 0, UNMARKED: 1 },
    ]);
    const rates = learnerRates(sessions, learners, marks);
    expect(rates.map((r) => [r.id, r.attended, r.excused, r.rate])).toEqual([
      [10, 2, 0, 100],
      [11, 0, 1, 0],
    ]);
    expect(belowRate(rates, 80).map((r) => r.id)).toEqual([11]);
    expect(grid(sessions, learners, marks)[1].cells).toEqual(["EXCUSED", null]);
    expect([...learners].sort(byUnitThenName).map((l) => l.id)).toEqual([11, 10]);
  });
});

describe("validateLearner (the roster page's add form)", () => {
  const ctx = { units: [unit(1, "Xã Sơn Kim 1", "COMMUNE", null)], accounts: [{ id: 9, phone: "0912345678", email: null, enrolled: true }] };
  const typed = { fullName: "Nguyễn Văn An", phone: "0987 654 321", email: "", unit: "Sơn Kim 1", position: "", category: "" };
  it("gives the same row and messages as one row of a file", () => {
    expect(validateLearner(typed, ctx)).toMatchObject({
      row: { fullName: "Nguyễn Văn An", phone: "0987654321", unitId: 1, existingUserId: null },
      problems: [],
    });
    expect(validateLearner({ ...typed, fullName: "", unit: "Nơi khác" }, ctx).problems.map((p) => [p.column, p.message])).toEqual([
      ["fullName", "att.import.nameMissing"],
      ["unit", "att.import.unitUnknown"],
    ]);
    expect(validateLearner({ ...typed, phone: "0912345678" }, ctx)).toMatchObject({
      row: null,
      problems: [{ message: "att.import.alreadyEnrolled", severity: "warning" }],
    });
  });
});
