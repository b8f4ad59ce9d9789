import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";

const rawFailure = (kind: string) =>
  Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind } } } });

describe("isUniqueViolation", () => {
  it("recognises Prisma's unique-constraint code and nothing else", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("Record not found"), { code: "P2025" }))).toBe(false);
    for (const other of [new Error("P2002"), "P2002", null, undefined, { code: 2002 }]) expect(isUniqueViolation(other)).toBe(false);
  });

  it("recognises a raw statement's unique violation as the driver adapter reports it, and no other raw failure", () => {
    expect(isUniqueViolation(rawFailure("UniqueConstraintViolation"))).toBe(true);
    expect(isUniqueViolation(rawFailure("ForeignKeyConstraintViolation"))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("Raw query failed"), { code: "P2010" }))).toBe(false);
  });
});
