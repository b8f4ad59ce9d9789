import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { onPostgres, pgUrlOf } from "../support/pg";
import { type ServerProcess, loginCookie, removeDb, request, serverDb, startServer } from "../support/server-process";

/**
 * Several web processes on one PostgreSQL database (docs/decisions/0047): what one process
 * learns, the other knows — sessions, throttles, the rotating check-in code — and a supervisor
 * with WEB_CONCURRENCY=2 replaces a worker that dies while the other keeps answering.
 * PostgreSQL only: a SQLite file serves one process.
 */
const form = (url: string, cookie: string | null, fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, ...(cookie ? { Cookie: cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
});

describe.skipIf(!onPostgres)("two processes on one PostgreSQL database", () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    a = await startServer();
    b = await startServer({ dbFile: a.dbFile, env: { DATABASE_URL: pgUrlOf(a.dbFile) } });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (a) await removeDb(a.dbFile);
  });

  it("a session made by one is honoured by the other, and ended by the other for both", async () => {
    const cookie = await loginCookie(a.url, "hocvien@ocop-demo.vn", DEMO_PASSWORD);
    expect((await request(`${b.url}/tai-khoan`, { headers: { Cookie: cookie } })).status).toBe(200);
    const out = await request(`${b.url}/dang-xuat`, form(b.url, cookie, {}));
    expect(out.status).toBe(302);
    const after = await request(`${a.url}/tai-khoan`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(302);
    expect(after.headers.location).toMatch(/^\/dang-nhap/);
  });

  it("failed logins counted by both lock the account on both", async () => {
    const identifier = "tuvan@ocop-demo.vn";
    for (let i = 0; i < 5; i++) {
      const server = i % 2 ? b : a;
      expect((await request(`${server.url}/dang-nhap`, form(server.url, null, { identifier, password: "sai-mat-khau" }))).status).toBe(401);
    }
    const right = await request(`${a.url}/dang-nhap`, form(a.url, null, { identifier, password: DEMO_PASSWORD }));
    expect(right.status).toBe(429);
  });

  it("the code one process displays checks a learner in on the other; wrong guesses on both throttle", async () => {
    const trainer = await loginCookie(a.url, "giangvien@ocop-demo.vn", DEMO_PASSWORD);
    const learner = await loginCookie(b.url, "0913000001", DEMO_PASSWORD);
    const guesser = await loginCookie(b.url, "0913000002", DEMO_PASSWORD);
    const db = serverDb(a.dbFile);
    const now = Date.now();
    const session = await db.classSession.create({
      data: {
        courseId: 1,
        title: "Hai tiến trình",
        startsAt: new Date(now - 5 * 60_000),
        endsAt: new Date(now + 60 * 60_000),
        checkinSecret: "cross-process-secret",
        rotateSeconds: 300,
      },
    });
    await db.$disconnect();
    const display = await request(`${a.url}/khoa-hoc/1/diem-danh/${session.id}/ma`, { headers: { Cookie: trainer } });
    const { code } = JSON.parse(display.body) as { code: string };
    const done = await request(`${b.url}/diem-danh`, form(b.url, learner, { code, buoi: String(session.id) }));
    expect(done.status).toBe(200);
    expect((await request(`${a.url}/diem-danh`, form(a.url, learner, { code, buoi: String(session.id) }))).status).toBe(409);

    for (let i = 0; i < 10; i++) {
      const server = i % 2 ? a : b;
      await request(`${server.url}/diem-danh`, form(server.url, guesser, { code: "ZZZZZZ", buoi: String(session.id) }));
    }
    const blocked = await request(`${a.url}/diem-danh`, form(a.url, guesser, { code, buoi: String(session.id) }));
    expect(blocked.status).toBe(429);
  });
});

describe.skipIf(!onPostgres)("WEB_CONCURRENCY=2", () => {
  it("replaces a worker killed mid-service while the other answers, and stops both on SIGTERM", async () => {
    const server = await startServer({ env: { WEB_CONCURRENCY: "2" } });
    try {
      const workers = () =>
        execFileSync("pgrep", ["-P", String(server.child.pid)])
          .toString()
          .trim()
          .split("\n")
          .map(Number);
      // both workers must be listening before one is killed: with only one, the shared port closes with it
      const listening = () => server.logLines().filter((l) => String(l.msg).startsWith("OCOP LMS:")).length;
      for (let i = 0; i < 100 && listening() < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(listening()).toBe(2);
      const [first] = workers();
      process.kill(first, "SIGKILL");
      // connections handed to the dead worker before the supervisor saw it die are lost, as with any crash
      const died = () => server.logLines().some((l) => l.msg === "worker died; starting another");
      for (let i = 0; i < 100 && !died(); i++) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 10; i++) expect((await request(`${server.url}/dang-nhap`)).status).toBe(200);
      for (let i = 0; i < 100 && !(workers().length === 2 && !workers().includes(first)); i++) await new Promise((r) => setTimeout(r, 100));
      expect(workers()).toHaveLength(2);
      expect(workers()).not.toContain(first);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
      await removeDb(server.dbFile);
    }
  }, 90_000);
});
