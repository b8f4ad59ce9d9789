import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { COURSE, DEMO_PASSWORD } from "../../prisma/demo-data";
import { demoAccount } from "../support/http";
import { onPostgres } from "../support/pg";
import { type ServerProcess, decode, loginCookie, removeDb, request, serverDb, startServer } from "../support/server-process";

/** What only the real server (server.js) does: compression, request logs and ids, health, shutdown. */
// Each test starts real server processes: on a busy machine a start alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let server: ServerProcess;
let learnerCookie: string;

beforeAll(async () => {
  server = await startServer();
  learnerCookie = await loginCookie(server.url, demoAccount("learner").email, DEMO_PASSWORD);
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDb(server.dbFile);
});

const BR_GZIP = { "Accept-Encoding": "br, gzip" };

describe("compression", () => {
  it("sends a document as brotli (or gzip) with Vary: Accept-Encoding, and it decodes to the page", async () => {
    const br = await request(`${server.url}/khoa-hoc`, { headers: { ...BR_GZIP, Cookie: learnerCookie } });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body).toContain('<html lang="vi"');
    expect(br.body).toContain(COURSE.title);
    expect(br.raw.length).toBeLessThan(br.body.length / 2);

    const gzip = await request(`${server.url}/khoa-hoc`, { headers: { "Accept-Encoding": "gzip", Cookie: learnerCookie } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body).toContain(COURSE.title);

    const plain = await request(`${server.url}/khoa-hoc`, { headers: { Cookie: learnerCookie } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toContain(COURSE.title);
  });

  it("compresses single-fetch data (.data) responses", async () => {
    const res = await request(`${server.url}/khoa-hoc.data`, { headers: { ...BR_GZIP, Cookie: learnerCookie } });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body).toContain(COURSE.title);
  });

  it("serves the precompressed .br/.gz of a JS asset, and each decodes to the built file", async () => {
    const page = await request(`${server.url}/dang-nhap`);
    const asset = /\/build\/[^"]+\.js/.exec(page.body)![0];
    const onDisk = fs.readFileSync(path.join("public", asset));
    for (const encoding of ["br", "gzip"]) {
      const res = await request(server.url + asset, { headers: { "Accept-Encoding": encoding } });
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers["content-type"]).toMatch(/^application\/javascript/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.headers["cache-control"]).toContain("immutable");
      expect(Number(res.headers["content-length"])).toBe(res.raw.length);
      expect(decode(res.raw, encoding).equals(onDisk)).toBe(true);
    }
    const plain = await request(server.url + asset, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.raw.equals(onDisk)).toBe(true);
  });

  it("does not compress an XLSX download again", async () => {
    const trainer = await loginCookie(server.url, demoAccount("trainer").email, DEMO_PASSWORD);
    const course = /href="\/khoa-hoc\/(\d+)"/.exec((await request(`${server.url}/khoa-hoc`, { headers: { Cookie: trainer } })).body)![1];
    const res = await request(`${server.url}/khoa-hoc/${course}/tien-do/xuat?dinh-dang=xlsx`, { headers: { ...BR_GZIP, Cookie: trainer } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.raw.subarray(0, 2).toString()).toBe("PK"); // a zip, as sent
  });
});

describe("routing over builds pruned to a path's routes", () => {
  // the lesson with the score sheet: the other lessons are plain documents with no manifest (decision 0057)
  it("renders a lesson with the manifest of its routes and of its parent paths' routes, as the full build does", async () => {
    const res = await request(`${server.url}/khoa-hoc/1/hoc/tieu-chi-danh-gia/cham-diem-va-xep-hang-sao`, { headers: { Cookie: learnerCookie } });
    expect(res.status).toBe(200);
    const manifest = /window\.__remixManifest = (\{[\s\S]*?\});/.exec(res.body)![1];
    const ids = Object.keys(JSON.parse(manifest).routes).sort();
    expect(ids).toEqual([
      "root",
      "routes/_index",
      "routes/khoa-hoc.$courseId._index",
      "routes/khoa-hoc.$courseId.hoc.$moduleSlug.$lessonSlug",
      "routes/khoa-hoc._index",
    ]);
  });

  it("answers lazy route discovery about any path from the full build, and a 404 under a known segment", async () => {
    const page = await request(`${server.url}/khoa-hoc`, { headers: { Cookie: learnerCookie } });
    const version = /"version":\s*"([^"]+)"/.exec(page.body)![1];
    const discovery = await request(`${server.url}/__manifest?version=${version}&p=${encodeURIComponent("/diem-danh")}&p=${encodeURIComponent("/phuong-an")}`, {
      headers: { Cookie: learnerCookie },
    });
    expect(discovery.status).toBe(200);
    expect(Object.keys(JSON.parse(discovery.body))).toEqual(expect.arrayContaining(["routes/diem-danh", "routes/phuong-an._index"]));
    expect((await request(`${server.url}/khoa-hoc/1/khong-co-trang-nay`, { headers: { Cookie: learnerCookie } })).status).toBe(404);
  });

  it("names the page's scripts in a Link header, the same ones the page preloads", async () => {
    const res = await request(`${server.url}/khoa-hoc`, { headers: { Cookie: learnerCookie } });
    const inHeader = [...String(res.headers.link).matchAll(/<([^>]+)>; rel=modulepreload/g)].map((m) => m[1]);
    const inPage = [...res.body.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(inHeader.length).toBeGreaterThan(3);
    expect(new Set(inHeader)).toEqual(new Set(inPage));
  });

  it("sends a lesson without the score sheet, and home to someone who only learns, as plain documents: no script of their own, nothing preloaded", async () => {
    for (const path of ["/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12", "/"]) {
      const res = await request(`${server.url}${path}`, { headers: { Cookie: learnerCookie } });
      expect(res.status).toBe(200);
      expect(res.headers.link).toBeUndefined();
      expect(res.body).not.toContain("__remixContext");
      expect([...res.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(["/sw-register.js"]);
    }
  });

  it("links a plain document's pages with anchors and marks the menu's current entry, as the React menu does (decision 0061)", async () => {
    const current = (html: string) => [...html.matchAll(/<a href="([^"]+)" class="active" aria-current="page">/g)].map((m) => m[1]);
    const lesson = await request(`${server.url}/khoa-hoc/1/hoc/phuong-an-san-xuat-kinh-doanh/phuong-an-buoc-9-12`, { headers: { Cookie: learnerCookie } });
    expect(current(lesson.body)).toEqual(["/khoa-hoc"]);
    expect(lesson.body).toContain('<a href="/khoa-hoc/1" class="back-link">');
    expect(lesson.body).not.toMatch(/<a [^>]*data-discover/);
    // and its forms are plain forms the browser posts (decision 0063)
    expect(lesson.body).toContain('<form method="post" action="/dang-xuat">');
    expect(lesson.body).not.toMatch(/<form [^>]*data-discover/);
    const home = await request(`${server.url}/`, { headers: { Cookie: learnerCookie } });
    expect(current(home.body)).toEqual(["/"]);
  });

  it("sends home to a trainer as a React app: the pages it links to are in the app (decision 0058)", async () => {
    const trainer = await loginCookie(server.url, demoAccount("trainer").email, DEMO_PASSWORD);
    const res = await request(`${server.url}/`, { headers: { Cookie: trainer } });
    expect(res.status).toBe(200);
    expect(res.body).toContain("__remixContext");
    expect(String(res.headers.link)).toContain("rel=modulepreload");
    // a React page's forms are Remix's, which submit in the app
    expect(res.body).toMatch(/<form method="post" action="\/dang-xuat" data-discover="true">/);
  });

  it("sends the check-in page as a plain document: its own script, no React, nothing preloaded (decision 0057)", async () => {
    const res = await request(`${server.url}/diem-danh`, { headers: { Cookie: learnerCookie } });
    expect(res.status).toBe(200);
    expect(res.headers.link).toBeUndefined();
    expect(res.body).not.toContain("modulepreload");
    expect(res.body).not.toContain("__remixContext");
    const scripts = [...res.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([expect.stringMatching(/^\/build\/pages\/checkin-[A-Z0-9]+\.js$/), "/sw-register.js"]);
    expect((await request(`${server.url}${scripts[0]}`)).status).toBe(200);
  });
});

describe("health", () => {
  it("answers 200 with the database reachable and every migration applied, and nothing personal", async () => {
    const res = await request(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const health = JSON.parse(res.body);
    const dir = onPostgres ? "prisma/postgresql/migrations" : "prisma/migrations";
    const shipped = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")));
    expect(health).toEqual({ status: "ok", database: "ok", migrations: { expected: shipped.length, applied: shipped.length, pending: [], unknown: [] } });
  });
});

describe("request logs", () => {
  it("writes one JSON line per request with its id, and no password, token, query string or personal data", async () => {
    const learner = demoAccount("learner");
    const res = await request(`${server.url}/dang-nhap?next=${encodeURIComponent(`/tai-khoan?phone=${learner.phone}`)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "User-Agent": "test-agent/1.0" },
      body: new URLSearchParams({ identifier: learner.email, password: DEMO_PASSWORD }).toString(),
    });
    expect(res.status).toBe(302);
    const token = [res.headers["set-cookie"]]
      .flat()
      .join(";")
      .match(/ocop_session=([^;]+)/)![1];
    const id = res.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => server.logLines().find((l) => l.requestId === id)).toBeDefined();
    const line = server.logLines().find((l) => l.requestId === id)!;
    expect(line).toMatchObject({ method: "POST", path: "/dang-nhap", status: 302, msg: "request" });
    expect(Object.keys(line).sort()).toEqual(["level", "method", "ms", "msg", "path", "requestId", "status", "time"]);
    expect(typeof line.ms).toBe("number");

    const everything = server.lines().join("\n");
    for (const secret of [DEMO_PASSWORD, learner.email, learner.phone, token, learnerCookie.split("=")[1], "test-agent", "127.0.0.1"]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("logs a certificate's verification code as a placeholder", async () => {
    const res = await request(`${server.url}/chung-nhan/ABCD-EFGH-JKMN-PQRS?x=1`);
    await expect.poll(() => server.logLines().find((l) => l.requestId === res.headers["x-request-id"])).toBeDefined();
    const logged = server.logLines().find((l) => l.requestId === res.headers["x-request-id"])!;
    expect(logged.path).toBe("/chung-nhan/:code");
    expect(server.lines().join("\n")).not.toContain("ABCD-EFGH");
  });
});

// SQLite files that are empty or cannot be opened; on PostgreSQL see tests/integration/pg-engine.test.ts
describe.skipIf(onPostgres)("a broken database", () => {
  it("makes /healthz answer 503 when nothing is migrated, and the 500 page shows the request id", async () => {
    const empty = path.resolve("tests/.tmp", `empty-${process.pid}.db`);
    removeDb(empty);
    new Database(empty).close(); // a database file with no tables: reachable, never migrated
    const broken = await startServer({ dbFile: empty });
    try {
      const health = await request(`${broken.url}/healthz`);
      expect(health.status).toBe(503);
      const body = JSON.parse(health.body);
      expect(body.status).toBe("error");
      expect(body.database).toBe("ok");
      expect(body.migrations.applied).toBe(0);
      expect(body.migrations.pending.length).toBeGreaterThan(0);

      // The public certificate check reads its rate limit from the (missing) table: a real 500.
      const page = await request(`${broken.url}/chung-nhan/ABCD-EFGH-JKMN-PQRS`);
      expect(page.status).toBe(500);
      const id = page.headers["x-request-id"] as string;
      expect(page.body).toContain("Đã có lỗi xảy ra");
      expect(page.body).toContain(`data-request-id="${id}"`);
      expect(page.body).toContain(`<code>${id}</code>`);
      await expect.poll(() => broken.logLines().find((l) => l.requestId === id)?.status).toBe(500);
    } finally {
      await broken.stop();
      removeDb(empty);
    }
  });

  it("makes /healthz answer 503 when the database cannot be opened", async () => {
    const broken = await startServer({ dbFile: path.resolve("tests/.tmp/no-such-folder/ocop.db") });
    try {
      const health = await request(`${broken.url}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: "error", database: "unreachable" });
    } finally {
      await broken.stop();
    }
  });
});

describe("behind a TLS proxy", () => {
  const login = (url: string, headers: Record<string, string>) =>
    request(`${url}/dang-nhap`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ identifier: demoAccount("consultant").email, password: DEMO_PASSWORD }).toString(),
    });
  const sessionIp = async (dbFile: string) => {
    const check = serverDb(dbFile);
    try {
      const row = await check.session.findFirst({
        where: { user: { email: demoAccount("consultant").email } },
        orderBy: { createdAt: "desc" },
        select: { ip: true },
      });
      return row?.ip;
    } finally {
      await check.$disconnect();
    }
  };
  const proxied = { Host: "ocop.example.vn", "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.1, 203.0.113.7", Origin: "https://ocop.example.vn" };

  it("with TRUST_PROXY=1 (one hop) sees https: the https Origin passes, the cookie is Secure, HSTS is sent, the address is the client's", async () => {
    const behind = await startServer({ env: { TRUST_PROXY: "1" } });
    try {
      const res = await login(behind.url, proxied);
      expect(res.status).toBe(302);
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect([res.headers["set-cookie"]].flat().join("\n")).toMatch(/ocop_session=[^;]+;.*Secure/);
      expect(await sessionIp(behind.dbFile)).toBe("203.0.113.7"); // the address the one proxy saw
      // A plain-http hop through the same proxy: no HSTS, no Secure
      const http = await login(behind.url, { ...proxied, "X-Forwarded-Proto": "http", Origin: "http://ocop.example.vn" });
      expect(http.status).toBe(302);
      expect(http.headers["strict-transport-security"]).toBeUndefined();
      expect([http.headers["set-cookie"]].flat().join("\n")).not.toContain("Secure");
    } finally {
      await behind.stop();
      removeDb(behind.dbFile);
    }
  });

  it("with TRUST_PROXY=2 takes the address two hops back", async () => {
    const behind = await startServer({ env: { TRUST_PROXY: "2" } });
    try {
      expect((await login(behind.url, proxied)).status).toBe(302);
      expect(await sessionIp(behind.dbFile)).toBe("198.51.100.1");
    } finally {
      await behind.stop();
      removeDb(behind.dbFile);
    }
  });

  it("without TRUST_PROXY ignores the forwarded headers: an https Origin is foreign, the address is the socket's", async () => {
    const res = await login(server.url, proxied);
    expect(res.status).toBe(403);
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect((await login(server.url, { Origin: server.url })).status).toBe(302);
    expect(await sessionIp(server.dbFile)).toBe("127.0.0.1");
  });

  it("refuses to start on a TRUST_PROXY it cannot read", async () => {
    await expect(startServer({ env: { TRUST_PROXY: "yes" } })).rejects.toThrow(/TRUST_PROXY: "yes"/);
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, lets the request in flight finish, closes the database and exits 0", async () => {
    const own = await startServer({ env: { LOG_LEVEL: "debug" } });
    const learner = demoAccount("producer");
    const body = new URLSearchParams({ identifier: learner.email, password: DEMO_PASSWORD }).toString();
    const socket = net.connect(own.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.setEncoding("utf8").on("data", (c: string) => (response += c));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    // A login whose body is still on its way when the signal comes.
    socket.write(
      `POST /dang-nhap HTTP/1.1\r\nHost: 127.0.0.1:${own.port}\r\nOrigin: ${own.url}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
    );
    await expect.poll(() => own.logLines().some((l) => l.msg === "request start" && l.path === "/dang-nhap")).toBe(true);
    const exit = own.stop("SIGTERM");

    // New connections are refused from now on…
    await expect.poll(() => connects(own.port), { timeout: 5000 }).toBe(false);
    // …and the one in flight is answered once its body arrives.
    socket.write(body.slice(10)); // (not end(): a client's half-close aborts its request)
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 302/);
    expect(response).toMatch(/Set-Cookie: ocop_session=/i);
    expect(await exit).toBe(0);
    expect(own.logLines().map((l) => l.msg)).toEqual(expect.arrayContaining(["shutting down", "stopped"]));

    // The database was closed (SQLite folded the WAL back into the file), and the login is in it.
    if (!onPostgres) expect(fs.existsSync(`${own.dbFile}-wal`)).toBe(false);
    const check = serverDb(own.dbFile);
    expect(await check.session.count({ where: { user: { email: learner.email } } })).toBeGreaterThan(0);
    await check.$disconnect();
    await removeDb(own.dbFile);
  });
});

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}
