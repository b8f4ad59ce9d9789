import { describe, expect, it } from "vitest";
import { healthOf } from "./health";

describe("healthOf", () => {
  const shipped = ["20260101_init", "20260201_attendance"];

  it("is ok when every shipped migration is applied", () => {
    expect(healthOf(shipped, [...shipped].reverse())).toEqual({
      status: "ok",
      database: "ok",
      migrations: { expected: 2, applied: 2, pending: [], unknown: [] },
    });
  });

  it("names the migrations still to apply", () => {
    const health = healthOf(shipped, ["20260101_init"]);
    expect(health.status).toBe("error");
    expect(health.migrations?.pending).toEqual(["20260201_attendance"]);
  });

  it("is an error when the database carries a migration this release does not know", () => {
    const health = healthOf(shipped, [...shipped, "20260301_newer"]);
    expect(health.status).toBe("error");
    expect(health.migrations?.unknown).toEqual(["20260301_newer"]);
  });
});
