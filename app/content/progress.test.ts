import { describe, expect, it } from "vitest";
import { type ClassRow, buildRows, filterRows, sortRows } from "./class-table";
import { toCsv } from "~/exports/table";
import { type OutlineModule, QUIZ_STEP, computeProgress } from "./progress";

const outline: OutlineModule[] = [
  {
    slug: "m1",
    order: 1,
    title: "M1",
    hasQuiz: true,
    lessons: [
      { slug: "a", title: "A", minutes: 5 },
      { slug: "b", title: "B", minutes: 5 },
    ],
  },
  { slug: "m2", order: 2, title: "M2", hasQuiz: false, lessons: [{ slug: "c", title: "C", minutes: 5 }] },
];

describe("computeProgress", () => {
  it("starts at the first lesson with nothing done", () => {
    const p = computeProgress(outline, []);
    expect(p).toMatchObject({ done: 0, total: 4, percent: 0, next: { module: "m1", slug: "a" } });
  });
  it("counts lessons and a passed quiz per module, and resumes after the latest lesson", () => {
    const p = computeProgress(outline, [
      { module: "m1", lesson: "b", at: "2026-01-02T00:00:00Z" },
      { module: "m1", lesson: QUIZ_STEP, at: "2026-01-03T00:00:00Z" },
    ]);
    expect(p.modules).toEqual([
      { slug: "m1", done: 2, total: 3, percent: 66 },
      { slug: "m2", done: 0, total: 1, percent: 0 },
    ]);
    expect(p.next).toMatchObject({ module: "m2", slug: "c" });
    const wrap = computeProgress(outline, [{ module: "m2", lesson: "c", at: "2026-01-01T00:00:00Z" }]);
    expect(wrap.next).toMatchObject({ module: "m1", slug: "a" });
    const all = computeProgress(
      outline,
      ["a", "b", "c"].map((l, i) => ({ module: l === "c" ? "m2" : "m1", lesson: l, at: new Date(i) })),
    );
    expect(all.next).toBeNull();
  });
  it("ignores steps that are not in the outline", () => {
    expect(computeProgress(outline, [{ module: "x", lesson: "y", at: new Date() }]).done).toBe(0);
  });
});

describe("class table", () => {
  const rows: ClassRow[] = buildRows(outline, [
    { id: 1, fullName: "Nguyễn Văn Bình", contact: "0913000001", unit: "Xã Thiên Lộc", done: [{ module: "m1", lesson: "a", at: "2026-01-01T00:00:00Z" }] },
    { id: 2, fullName: "Trần Thị Ánh", contact: "0913000002", unit: "Xã Sơn Kim 1", done: [] },
    {
      id: 3,
      fullName: "Đặng Quốc An",
      contact: "0913000003",
      unit: "Phường Đông",
      done: outline.flatMap((m) => m.lessons.map((l) => ({ module: m.slug, lesson: l.slug, at: "2026-02-01T00:00:00Z" }))),
    },
  ]);
  it("finds names without diacritics", () => {
    expect(filterRows(rows, "nguyen").map((r) => r.id)).toEqual([1]);
    expect(filterRows(rows, "dang an").map((r) => r.id)).toEqual([3]);
    expect(filterRows(rows, "thien loc").map((r) => r.id)).toEqual([1]);
    expect(filterRows(rows, "").length).toBe(3);
  });
  it("sorts by given name (Vietnamese order), by progress and by module", () => {
    expect(sortRows(rows, "name", "asc").map((r) => r.fullName)).toEqual(["Đặng Quốc An", "Trần Thị Ánh", "Nguyễn Văn Bình"]);
    expect(sortRows(rows, "total", "desc").map((r) => r.id)).toEqual([3, 1, 2]);
    expect(sortRows(rows, "m2", "desc")[0].id).toBe(3);
  });
});

describe("CSV for Excel", () => {
  it("starts with a BOM, ends lines with CRLF, quotes and neutralises formulas", () => {
    const csv = toCsv(
      ["Họ và tên", "Ghi chú"],
      [
        ["Nguyễn Văn An", 'nói "xin chào", rồi đi'],
        ["=1+1", null],
      ],
    );
    expect(csv.startsWith(`\uFEFF"Họ và tên","Ghi chú"\r\n`)).toBe(true);
    expect(csv).toContain(`"Nguyễn Văn An","nói ""xin chào"", rồi đi"\r\n`);
    expect(csv).toContain(`"'=1+1",\r\n`);
  });
});
