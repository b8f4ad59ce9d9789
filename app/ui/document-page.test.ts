import { describe, expect, it } from "vitest";
import { isDocumentOnly } from "./document-page";

describe("isDocumentOnly", () => {
  const lesson = { documentOnly: (data: unknown) => !(data as { sheet: boolean }).sheet };
  it("is true when any matched route always is a document", () => {
    expect(
      isDocumentOnly([
        { handle: undefined, data: {} },
        { handle: { documentOnly: true }, data: {} },
      ]),
    ).toBe(true);
  });
  it("asks a route's rule with its data", () => {
    expect(isDocumentOnly([{ handle: lesson, data: { sheet: false } }])).toBe(true);
    expect(isDocumentOnly([{ handle: lesson, data: { sheet: true } }])).toBe(false);
  });
  it("is false for an error page, whose route has no data, and for routes that say nothing", () => {
    expect(isDocumentOnly([{ handle: lesson, data: null }])).toBe(false);
    expect(isDocumentOnly([{ handle: lesson, data: undefined }])).toBe(false);
    expect(
      isDocumentOnly([
        { handle: { other: 1 }, data: {} },
        { handle: undefined, data: undefined },
      ]),
    ).toBe(false);
  });
});
