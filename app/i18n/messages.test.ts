import { describe, expect, it } from "vitest";
import { type MessageKey, t } from "./messages";

describe("t", () => {
  it("fills placeholders and leaves unknown ones alone", () => {
    expect(t("app.name")).not.toBe("app.name");
    expect(t("form.tooLong", { max: 12 })).toContain("12");
  });
  it("throws on a missing key under test, so a typo or an unloaded catalogue fails", () => {
    expect(() => t("no.such.key" as MessageKey)).toThrow(/no\.such\.key/);
  });
});
