import { describe, expect, it } from "vitest";
import { processCount } from "./cluster.js";

describe("processCount", () => {
  it("runs one process when WEB_CONCURRENCY is not set", () => {
    expect(processCount({})).toBe(1);
    expect(processCount({ WEB_CONCURRENCY: " " })).toBe(1);
    expect(processCount({ WEB_CONCURRENCY: "1", DATABASE_URL: "file:./data/ocop.db" })).toBe(1);
  });

  it("runs several on PostgreSQL", () => {
    expect(processCount({ WEB_CONCURRENCY: "2", DATABASE_URL: "postgresql://ocop@127.0.0.1/ocop" })).toBe(2);
    expect(processCount({ WEB_CONCURRENCY: "4", DATABASE_URL: "postgres://ocop@db/ocop" })).toBe(4);
  });

  it("refuses several on a SQLite file, which serves one process", () => {
    expect(() => processCount({ WEB_CONCURRENCY: "2", DATABASE_URL: "file:./data/ocop.db" })).toThrow(/PostgreSQL|postgresql/);
    expect(() => processCount({ WEB_CONCURRENCY: "2" })).toThrow(/postgresql/);
  });

  it("refuses what is not a whole number of at least one", () => {
    for (const raw of ["0", "-1", "two", "1.5"]) expect(() => processCount({ WEB_CONCURRENCY: raw })).toThrow(/WEB_CONCURRENCY/);
  });
});
