import { describe, expect, it } from "vitest";
import { exportTable } from "~/content/class-progress.server";
import { exportFormat, outOf, toCsv } from "./table";

describe("the CSV writer", () => {
  it("quotes every text cell, so a phone keeps its leading 0 for any CSV reader; numbers stay bare", () => {
    const csv = toCsv(
      ["Điện thoại", "Điểm"],
      [
        ["0912345678", 8],
        ["", null],
      ],
    );
    expect(csv).toBe('\uFEFF"Điện thoại","Điểm"\r\n"0912345678",8\r\n"",\r\n');
  });

  it("still neutralises a text that Excel would run as a formula", () => {
    expect(toCsv(["x"], [["=HYPERLINK(1)"], ["-2+3"]])).toContain(`"'=HYPERLINK(1)"\r\n"'-2+3"\r\n`);
  });

  it("writes progress as words, never as a fraction Excel turns into a date", () => {
    expect(outOf(2, 5)).toBe("2 trên 5");
    const table = {
      course: { code: "X" },
      outline: [{ order: 1, title: "Kiến thức chung" }],
      rows: [
        {
          fullName: "Nguyễn Văn An",
          contact: "0912345678",
          unit: "Xã A",
          modules: [{ done: 2, total: 5, percent: 40 }],
          done: 2,
          total: 5,
          percent: 40,
          last: null,
        },
      ],
    } as unknown as Parameters<typeof exportTable>[0];
    const { rows } = exportTable(table);
    expect(rows[0]).toContain("2 trên 5");
    expect(rows[0].some((c) => typeof c === "string" && /^\d+\/\d+$/.test(c))).toBe(false);
  });

  it("downloads XLSX unless CSV is asked for", () => {
    expect(exportFormat(new URLSearchParams(""))).toBe("xlsx");
    expect(exportFormat(new URLSearchParams("dinh-dang=bogus"))).toBe("xlsx");
    expect(exportFormat(new URLSearchParams("dinh-dang=csv"))).toBe("csv");
  });
});
