import { describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { readRows, type SqlValue } from "~/db/read.server";
import { Prisma } from "../../generated/prisma/client";

/** The same query through `readRows` and through Prisma's `$queryRaw`, on this run's engine. */
async function both(strings: TemplateStringsArray, ...values: SqlValue[]) {
  const fast = await readRows<Record<string, unknown>>(strings, ...values);
  const prisma = await db().$queryRaw<Record<string, unknown>[]>(strings, ...values);
  return { fast, prisma };
}

describe("readRows: a read straight to the driver adapter", () => {
  it("connects a client that has not run a query yet", async () => {
    const rows = await readRows<{ n: bigint }>`SELECT COUNT(*) AS "n" FROM "User"`;
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });

  it("gives the session join's columns the types $queryRaw gives them", async () => {
    const user = await db().user.findFirstOrThrow({ where: { roles: { some: {} } }, orderBy: { id: "asc" } });
    await createSession(user.id, { userAgent: "test", ip: "127.0.0.1" });
    const { fast, prisma } = await both`
      SELECT s."expiresAt" AS "expiresAt", s."createdAt" AS "createdAt", u."id" AS "userId", u."fullName" AS "fullName",
             u."email" AS "email", u."phone" AS "phone", u."unitId" AS "unitId", u."active" AS "active", r."role" AS "role"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "RoleAssignment" r ON r."userId" = u."id"
      WHERE s."userId" = ${user.id} ORDER BY r."id"`;
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(prisma);
    expect(fast[0].expiresAt).toBeInstanceOf(Date);
    expect(fast[0].userId).toBe(user.id);
  });

  it("counts, sums and averages as $queryRaw does", async () => {
    const { fast, prisma } = await both`
      SELECT COUNT(*) AS "n", SUM("id") AS "total", AVG("id") AS "mean", MAX("createdAt") AS "latest" FROM "User" WHERE "id" > ${0}`;
    expect(fast).toEqual(prisma);
  });

  it("binds booleans, dates, strings and joined lists as parameters", async () => {
    const ids = (await db().user.findMany({ select: { id: true }, take: 3, orderBy: { id: "asc" } })).map((u) => u.id);
    const { fast, prisma } = await both`
      SELECT "id" AS "id", "fullName" AS "fullName" FROM "User"
      WHERE "active" = ${true} AND "createdAt" < ${new Date(Date.now() + 86_400_000)} AND "fullName" <> ${'x\'; DROP TABLE "User"; --'}
        AND "id" IN (${Prisma.join(ids)}) ${Prisma.sql`AND "id" >= ${ids[0]}`}
      ORDER BY "id"`;
    expect(fast.map((r) => r.id)).toEqual(ids);
    expect(fast).toEqual(prisma);
  });

  it("reads NULL and constant columns", async () => {
    const { id } = await db().user.findFirstOrThrow({ orderBy: { id: "asc" } });
    const { fast, prisma } = await both`SELECT NULL AS "nothing", 'chữ' AS "text", 7 AS "seven", "id" AS "id" FROM "User" WHERE "id" = ${id}`;
    expect(fast).toHaveLength(1);
    expect(fast).toEqual(prisma);
    expect(fast[0]).toMatchObject({ nothing: null, text: "chữ", id });
  });

  it("never reads what an open transaction has written and then rolls back", async () => {
    const { id: userId } = await db().user.findFirstOrThrow({ orderBy: { id: "asc" } });
    const unread = async () => Number((await readRows<{ n: bigint }>`SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = ${userId}`)[0].n);
    const before = await unread();
    let reading: Promise<number> | undefined;
    const rolledBack = db()
      .$transaction(async (tx) => {
        await tx.notification.create({ data: { userId, text: "nháp", link: "/" } });
        reading = unread(); // on SQLite's one connection this waits for the transaction to end
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    expect(await rolledBack).toBe("roll back");
    expect(await reading).toBe(before);
    expect(await unread()).toBe(before);
  });
});
