import { describe, expect, it } from "vitest";
import { formDataToObject, parseId } from "./parse";

describe("parseId", () => {
  it("reads one to nine digits as an id", () => {
    expect(parseId("7")).toBe(7);
    expect(parseId(42)).toBe(42);
    expect(parseId("999999999")).toBe(999_999_999);
  });
  it("refuses what is no id: empty, signs, decimals, exponents, too long for an Int", () => {
    for (const raw of [null, undefined, "", " 7", "-1", "1.5", "1e3", "0x10", "1234567890", "abc"]) expect(parseId(raw), String(raw)).toBeNull();
  });
});

describe("formDataToObject", () => {
  it("drops NUL characters, which no form means and PostgreSQL's text cannot hold", () => {
    const form = new FormData();
    form.append("fullName", "Nguyễn\u0000 Văn A");
    form.append("tag", "a\u0000");
    form.append("tag", "b");
    expect(formDataToObject(form)).toEqual({ fullName: "Nguyễn Văn A", tag: ["a", "b"] });
  });
});
