import { describe, expect, it } from "vitest";
import { type MessageKey, t } from "./messages";

describe("t", () => {
  it("fills placeholders and leaves unknown ones alone", () => {
    expect(t("app.name")).not.toBe("app.name");
    expect(t("form.tooLong", { max: 12 })).toBe("Nội dung quá dài (tối đa 12 ký tự).");
    const source = { issuer: "Thủ tướng Chính phủ", number: "148/QĐ-TTg", date: "24/02/2023", title: "Bộ tiêu chí" };
    expect(t("modules.lesson.source", source)).toBe("Thủ tướng Chính phủ, 148/QĐ-TTg ngày 24/02/2023: Bộ tiêu chí");
    expect(t("modules.lesson.source", { issuer: "A", title: "B" })).toBe("A, {number} ngày {date}: B");
    expect(t("form.tooLong", { max: 0 })).toBe("Nội dung quá dài (tối đa 0 ký tự).");
  });
  it("throws on a missing key under test, so a typo or an unloaded catalogue fails", () => {
    expect(() => t("no.such.key" as MessageKey)).toThrow(/no\.such\.key/);
  });
});
