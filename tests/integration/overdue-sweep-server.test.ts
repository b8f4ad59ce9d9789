import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { THIENLOC_PLAN_TITLE } from "../../prisma/seed-plans";
import { onPostgres } from "../support/pg";
import { type ServerProcess, copyOfTemplate, removeDb, startServer } from "../support/server-process";

/** The real server writes missed deadlines by itself (server.js schedule), once at start. */
// SQLite: the row is set up in the file before the server starts (the sweep itself is engine-neutral Prisma)
describe.skipIf(onPostgres)("the overdue sweep in server.js", () => {
  let server: ServerProcess | undefined;
  const dbFile = onPostgres ? "" : copyOfTemplate();
  afterAll(async () => {
    await server?.stop();
    removeDb(dbFile);
  });

  it("marks a case whose deadline passed while the server was down as soon as it starts, and stops cleanly", async () => {
    const handle = new Database(dbFile);
    const { id } = handle.prepare('SELECT "id" FROM "BusinessPlan" WHERE "title" = ?').get(THIENLOC_PLAN_TITLE) as { id: number };
    handle
      .prepare('UPDATE "AppraisalCase" SET "deadlineAt" = ? WHERE "planId" = ?')
      .run(new Date(Date.now() - 60_000).toISOString().replace("Z", "+00:00"), id);
    const marked = () => handle.prepare('SELECT "overdue" FROM "AppraisalCase" WHERE "planId" = ?').get(id) as { overdue: number };
    expect(marked().overdue).toBe(0);

    server = await startServer({ dbFile });
    await expect.poll(() => marked().overdue, { timeout: 15_000 }).toBe(1);
    expect(handle.prepare(`SELECT COUNT(*) AS n FROM "AppraisalEvent" WHERE "planId" = ? AND "action" = 'OVERDUE'`).get(id)).toEqual({ n: 1 });
    await expect.poll(() => server!.logLines().some((l) => l.job === "overdue" && l.done === 1)).toBe(true);
    handle.close();
    expect(await server.stop()).toBe(0);
  });
});
