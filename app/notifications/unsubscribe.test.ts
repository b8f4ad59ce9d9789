import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe";

describe("unsubscribe tokens", () => {
  it("read back as the person and kind they were made for", () => {
    const token = unsubscribeToken("bí mật", 42, "appraisal.decided");
    expect(readUnsubscribeToken("bí mật", token)).toEqual({ userId: 42, kind: "appraisal.decided" });
  });
  it("refuse another person, another kind, another secret and garbage", () => {
    const token = unsubscribeToken("bí mật", 42, "appraisal.decided");
    const sig = token.split(".").pop();
    expect(readUnsubscribeToken("bí mật", `43.appraisal.decided.${sig}`)).toBeNull();
    expect(readUnsubscribeToken("bí mật", `42.digest.${sig}`)).toBeNull();
    expect(readUnsubscribeToken("khác", token)).toBeNull();
    expect(readUnsubscribeToken("bí mật", `42.no.such.kind.${sig}`)).toBeNull();
    expect(readUnsubscribeToken("bí mật", "")).toBeNull();
  });
});
