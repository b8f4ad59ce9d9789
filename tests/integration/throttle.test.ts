import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import {
  GUESS_WINDOW_MS,
  PERSON_LIMIT,
  guessBlockedUntil,
  loginKeys,
  personKey,
  recordGuessFailure,
  recordLoginFailure,
  takeRateLimit,
  throttledUntil,
} from "~/ops/throttle.server";

/** The one throttle table (docs/decisions/0027): kinds share it without counting for each other. */
const at = (min: number) => new Date(Date.UTC(2026, 5, 1, 8, min));

describe("one throttle table", () => {
  it("counts a kind only against itself, even under the same key", async () => {
    const keys = loginKeys("0900000001", "198.51.100.1");
    // Guesses stored under the login's own key string do not lock the login.
    for (let i = 0; i < 20; i++) await recordGuessFailure([{ key: keys.account, limit: 1 }], at(0));
    expect(await throttledUntil(keys, at(1))).toBeNull();
    for (let i = 0; i < 5; i++) await recordLoginFailure(keys, at(i));
    expect(await throttledUntil(keys, at(5))).toEqual(at(15));
  });

  it("locks a person's guesses at the limit and lets them go once the window has passed", async () => {
    const keys = [personKey("checkin", "throttle-test")];
    for (let i = 0; i < PERSON_LIMIT - 1; i++) await recordGuessFailure(keys, at(0));
    expect(await guessBlockedUntil(keys, at(1))).toBeNull();
    await recordGuessFailure(keys, at(0));
    expect(await guessBlockedUntil(keys, at(1))).toEqual(new Date(at(0).getTime() + GUESS_WINDOW_MS));
    expect(await guessBlockedUntil(keys, at(16))).toBeNull();
  });

  it("refuses a lookup past its limit without counting it, and prunes hits that left the window", async () => {
    const key = "cert-lookup:throttle-test";
    expect(await takeRateLimit(key, 2, 60_000, at(0))).toBe(true);
    expect(await takeRateLimit(key, 2, 60_000, at(0))).toBe(true);
    expect(await takeRateLimit(key, 2, 60_000, at(0))).toBe(false);
    expect(await db().throttleHit.count({ where: { kind: "lookup", key } })).toBe(2);
    expect(await takeRateLimit(key, 2, 60_000, at(2))).toBe(true);
    expect(await db().throttleHit.count({ where: { kind: "lookup", key } })).toBe(1);
  });
});

describe("the migration to one table", () => {
  it("carries the rows of the three old tables with their kind", () => {
    const dirs = fs
      .readdirSync("prisma/migrations")
      .filter((d) => fs.existsSync(`prisma/migrations/${d}/migration.sql`))
      .sort();
    const target = dirs.findIndex((d) => d.endsWith("_one_throttle_table"));
    expect(target).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ocop-throttle-")), "m.db");
    const sqlite = new Database(file);
    try {
      for (const d of dirs.slice(0, target)) sqlite.exec(fs.readFileSync(`prisma/migrations/${d}/migration.sql`, "utf8"));
      sqlite.exec(`INSERT INTO "LoginFailure" (key) VALUES ('login:a'); INSERT INTO "AttendanceGuess" (key) VALUES ('checkin-ip:b');
                   INSERT INTO "RateHit" (key) VALUES ('cert-lookup:c');`);
      sqlite.exec(fs.readFileSync(`prisma/migrations/${dirs[target]}/migration.sql`, "utf8"));
      const rows = sqlite.prepare(`SELECT kind, key FROM "ThrottleHit" ORDER BY kind`).all();
      expect(rows).toEqual([
        { kind: "guess", key: "checkin-ip:b" },
        { kind: "login", key: "login:a" },
        { kind: "lookup", key: "cert-lookup:c" },
      ]);
    } finally {
      sqlite.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
