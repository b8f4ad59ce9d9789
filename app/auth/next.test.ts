import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNext } from "./next";

const ORIGIN = "https://ocop.example.vn";
/** What a browser does with the Location header: resolve it against the page's URL. */
const landsOn = (location: string) => new URL(location, `${ORIGIN}/dang-nhap`).origin;
const stays = (location: string) => landsOn(location) === ORIGIN && /^\/(?![/\\])[\x21-\x7e]*$/.test(location);

describe("safeNext", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeNext("/khoa-hoc/3/diem-danh?buoi=2")).toBe("/khoa-hoc/3/diem-danh?buoi=2");
    expect(safeNext("/tai-khoan#phien")).toBe("/tai-khoan#phien");
    expect(safeNext("/phuong-an/12/buoc/3")).toBe("/phuong-an/12/buoc/3");
  });

  it("percent-encodes Vietnamese text instead of refusing it, so the Location header stays ASCII", () => {
    expect(safeNext("/khoa-hoc?q=Thiên Lộc".replace(" ", "+"))).toBe("/khoa-hoc?q=Thi%C3%AAn+L%E1%BB%99c");
  });

  it.each([
    [""],
    ["khoa-hoc"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["/\u0000/evil.example"],
    ["/\u00a0/evil.example"],
    ["/\u3000/evil.example"],
    ["/\u2028/evil.example"],
    ["/\u200b/evil.example"],
    ["/\ufeff/evil.example"],
    ["/\u202e/evil.example"],
    ["/.//evil.example"],
    ["/%2e//evil.example"],
    ["/a/..//evil.example"],
    ["/./\\evil.example"],
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["/dang-nhap?next=/dang-nhap"],
    ["/\ud800"],
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  it("refuses a path too long to be one of ours", () => {
    expect(safeNext("/" + "a".repeat(2000))).toBe("/");
  });

  it("never leads off the site, whatever is typed (property)", () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc
        .tuple(
          fc.constantFrom("/", "//", "/\\", "\\", "/./", "/../", "/%2e/", "/%2f", "/\t", "/\n", "/ ", "http:", "https://", ""),
          fc.string({ unit: fc.constantFrom("/", "\\", ".", "%", "2", "e", "f", "\t", "\r", "\n", "\u0000", "\u00a0", "@", ":", "#", "?", "a") }),
          fc.constantFrom("evil.example", "@evil.example", ":80", ""),
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (next) => {
        const location = safeNext(next);
        expect(stays(location), `${JSON.stringify(next)} → ${JSON.stringify(location)}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
