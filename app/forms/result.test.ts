import { describe, expect, it } from "vitest";
import { readActionResult } from "~/ui/form";
import { parseFormData, text } from "./fields.server";
import { invalid, ok } from "./result.server";
import { z } from "zod";

describe("action results", () => {
  it("ok carries its payload with ok: true and status 200 unless told 422", () => {
    expect(ok()).toMatchObject({ data: { ok: true }, init: { status: 200 } });
    expect(ok({ message: "Đã lưu." })).toMatchObject({ data: { ok: true, message: "Đã lưu." }, init: { status: 200 } });
    expect(ok({ step: "preview" }, { status: 422 }).init).toMatchObject({ status: 422 });
  });

  it("invalid answers 400 by default, keeps a parse failure's echoed values, and takes errors by field", () => {
    const failure = parseFormData(z.object({ name: text(5) }), formOf({ name: "quá dài rồi" }));
    if (failure.ok) throw new Error("expected a failure");
    expect(invalid(failure)).toMatchObject({
      data: { ok: false, errors: { name: expect.any(String) }, values: { name: "quá dài rồi" } },
      init: { status: 400 },
    });
    expect(invalid({ code: "Mã không đúng." }, { values: { code: "AB" }, status: 422 })).toMatchObject({
      data: { ok: false, errors: { code: "Mã không đúng." }, values: { code: "AB" } },
      init: { status: 422 },
    });
  });

  it("the page reads success, or errors and values, from one shape", () => {
    expect(readActionResult({ ok: true as const, message: "Xong." })).toEqual({
      success: { ok: true, message: "Xong." },
      failed: false,
      errors: {},
      values: {},
    });
    expect(readActionResult({ ok: false as const, errors: { _form: "Lỗi." }, values: { a: "1" } })).toEqual({
      success: undefined,
      failed: true,
      errors: { _form: "Lỗi." },
      values: { a: "1" },
    });
    expect(readActionResult(undefined)).toEqual({ success: undefined, failed: false, errors: {}, values: {} });
  });
});

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}
