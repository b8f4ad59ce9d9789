import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";

describe("isUniqueViolation", () => {
  it("recognises Prisma's unique-constraint code and nothing else", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("Record not found"), { code: "P2025" }))).toBe(false);
    for (const other of [new Error("P2002"), "P2002", null, undefined, { code: 2002 }]) expect(isUniqueViolation(other)).toBe(false);
  });
});
