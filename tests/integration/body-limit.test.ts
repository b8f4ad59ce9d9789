import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as login from "~/routes/dang-nhap";
import * as importer from "~/routes/khoa-hoc.$courseId.nhap-danh-sach";
import { BODY_LIMIT_BYTES } from "../../server/body-limit.js";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { ORIGIN, cookieFor, demoAccount, run, tableCounts, testContext } from "../support/http";
import { type ServerProcess, loginCookie, removeDb, startServer } from "../support/server-process";

/**
 * Bodies are capped by counting what arrives, not by a declared Content-Length: a chunked body
 * declares none. Checked through the actions (a body stream that counts what was pulled from it)
 * and against the production server itself (a real chunked upload on a socket).
 */
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A chunked body made on demand from `parts` (strings or byte counts of filler), recording how much was read. */
function meteredBody(parts: Iterable<string | number>) {
  const meter = { pulled: 0 };
  const pending = parts[Symbol.iterator]();
  let filler = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (filler === 0) {
        const next = pending.next();
        if (next.done) return controller.close();
        if (typeof next.value === "string") {
          const bytes = new TextEncoder().encode(next.value);
          meter.pulled += bytes.byteLength;
          return controller.enqueue(bytes);
        }
        filler = next.value;
      }
      const size = Math.min(CHUNK, filler);
      filler -= size;
      meter.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, meter };
}

const BOUNDARY = "----ocop-test";
/** `count` parts of 1 MB: none is over the 2 MB file limit, together they are `count` MB. */
function* manyParts(count = 38) {
  for (let i = 0; i < count; i++) {
    yield `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="lop-${i}.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    yield MB;
    yield "\r\n";
  }
  yield `--${BOUNDARY}--\r\n`;
}

function chunkedPost(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(new URL(path, ORIGIN), { method: "POST", headers: { Origin: ORIGIN, ...headers }, body, duplex: "half" } as RequestInit);
}

describe("body caps in the app's readers (actions called directly)", () => {
  it("a 60 MB chunked login post is refused with 413 after about 1 MB, nothing written", async () => {
    const before = await tableCounts();
    const { stream, meter } = meteredBody(["identifier=", 60 * MB]);
    const res = await run(() =>
      login.action({
        request: chunkedPost("/dang-nhap", stream, { "Content-Type": "application/x-www-form-urlencoded" }),
        params: {},
        context: testContext("10.20.0.1"),
      }),
    );
    expect(res.status).toBe(413);
    expect(res.data).toMatch(/quá lớn/);
    expect(res.headers.get("Connection")).toBe("close");
    expect(meter.pulled).toBeLessThan(2 * MB);
    expect(await tableCounts()).toEqual(before);
  });

  it("a 38 MB chunked multipart never reaches the roster parser: 413 at the file field", async () => {
    const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await cookieFor("trainer");
    const before = await tableCounts();
    const { stream, meter } = meteredBody(manyParts());
    const request = chunkedPost(`/khoa-hoc/${course.id}/nhap-danh-sach`, stream, {
      "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
      Cookie: cookie,
    });
    const res = await run(() => importer.action({ request, params: { courseId: String(course.id) }, context: testContext() }));
    expect(res.status).toBe(413);
    expect(res.data.errors.file).toMatch(/quá lớn/);
    expect(meter.pulled).toBeLessThan(3 * MB);
    expect(await tableCounts()).toEqual(before);
  });

  it("a small chunked form still goes through", async () => {
    const body = new TextEncoder().encode(new URLSearchParams({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD }).toString());
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(body.subarray(0, 10)), c.enqueue(body.subarray(10)), c.close()) });
    const res = await run(() =>
      login.action({
        request: chunkedPost("/dang-nhap", stream, { "Content-Type": "application/x-www-form-urlencoded" }),
        params: {},
        context: testContext("10.20.0.2"),
      }),
    );
    expect(res.status).toBe(302);
  });
});

describe("body cap at the edge (the production server on a socket)", () => {
  let server: ServerProcess;
  let port: number;
  let stderr = "";

  /**
   * A client stops sending when it reads the 413, but the bytes already in flight are what the two kernel socket
   * buffers hold (up to their maxima, more when the server reads fast), plus one chunk: so "long before it is all
   * sent" means below the edge limit plus those buffers, whatever the machine's load; the bodies are larger than that.
   */
  const maxBuffer = (file: string) => Number(fs.readFileSync(`/proc/sys/net/ipv4/${file}`, "utf8").trim().split(/\s+/)[2]);
  const inFlight = BODY_LIMIT_BYTES + maxBuffer("tcp_wmem") + maxBuffer("tcp_rmem") + CHUNK;
  // The client below yields after every chunk, so it reads the answer as soon as it arrives: without that, a loop
  // whose writes the kernel kept taking (the server drains at loopback speed once it has answered) wrote on for as
  // long as the machine's load kept it from the event loop (47, 70 and 127 MB in loaded runs, over bounds of 42–84 MB).
  const sentAtMost = inFlight;
  const huge = Math.ceil((2 * inFlight) / MB);

  // its own copy of the database: a PostgreSQL test database cannot be copied while a server holds it
  beforeAll(async () => {
    server = await startServer();
    server.child.stderr!.on("data", (d) => (stderr += d));
    port = server.port;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (server) await removeDb(server.dbFile);
  });

  /**
   * Streams the parts as a chunked body on a raw socket until the server answers (or the body is
   * sent), and returns the status, the whole answer and how many body bytes were written.
   */
  function sendChunked(path: string, parts: Iterable<string | number>, headers: Record<string, string>) {
    return new Promise<{ status: number; text: string; written: number }>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      let received = "";
      let written = 0;
      const answered = () => received.includes("\r\n\r\n");
      socket.setEncoding("utf8");
      socket.on("data", (d) => (received += d));
      socket.on("error", () => undefined); // a reset after the answer changes nothing
      socket.on("close", () => resolve({ status: Number(received.split(" ")[1]), text: received, written }));
      const head = { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, "Transfer-Encoding": "chunked", ...headers };
      socket.write(
        `POST ${path} HTTP/1.1\r\n${Object.entries(head)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join("")}\r\n`,
      );
      const chunks = (function* () {
        for (const part of parts) {
          if (typeof part === "string") yield Buffer.from(part);
          else for (let left = part; left > 0; left -= CHUNK) yield Buffer.alloc(Math.min(CHUNK, left), 0x61);
        }
      })();
      // Like a real client, wait while the socket's buffers are full (and stop once answered): what gets written is
      // then what the server read plus what the kernel buffers hold, whatever the machine's load.
      const writable = () =>
        new Promise<void>((resolve) => {
          const done = () => (socket.off("drain", done), socket.off("data", done), socket.off("close", done), resolve());
          socket.on("drain", done).on("data", done).on("close", done);
        });
      // And yield after every chunk even when the kernel took it whole: a server that drains as fast as loopback
      // carries never fills the buffers, and a loop that never yields never sees the answer that has arrived.
      const pump = async () => {
        for (const chunk of chunks) {
          if (answered() || socket.destroyed) return;
          written += chunk.length;
          if (!socket.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]))) await writable();
          else await new Promise((resolve) => setImmediate(resolve));
        }
        socket.write("0\r\n\r\n");
      };
      pump();
    });
  }

  it("a huge chunked post to the login page gets 413 in Vietnamese long before it is all sent", async () => {
    const res = await sendChunked("/dang-nhap", ["identifier=", huge * MB], { "Content-Type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/quá lớn/);
    expect(res.written).toBeLessThan(sentAtMost);
  }, 30_000);

  it("a huge chunked multipart to the roster import gets 413 (the session is real)", async () => {
    const course = await db().course.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cookie = await loginCookie(server.url, demoAccount("trainer").email, DEMO_PASSWORD);
    const res = await sendChunked(`/khoa-hoc/${course.id}/nhap-danh-sach`, manyParts(huge), {
      "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
      Cookie: cookie,
    });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(sentAtMost);
  }, 30_000);

  it("a 2 MB chunked login post passes the edge and is refused by the form reader; a small one logs in", async () => {
    const big = await sendChunked("/dang-nhap", ["identifier=", 2 * MB], { "Content-Type": "application/x-www-form-urlencoded" });
    expect(big.status).toBe(413);
    expect(big.text).toContain("Dữ liệu gửi lên quá lớn.");
    expect(big.text).not.toContain("tối đa 4 MB"); // the form reader's answer, not the edge's
    const form = new URLSearchParams({ identifier: demoAccount("learner").email, password: DEMO_PASSWORD }).toString();
    const small = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path: "/dang-nhap",
          method: "POST",
          headers: { Origin: `http://127.0.0.1:${port}`, "Transfer-Encoding": "chunked", "Content-Type": "application/x-www-form-urlencoded" },
        },
        (res) => (res.resume(), resolve(res.statusCode!)),
      );
      req.on("error", reject);
      req.write(form.slice(0, 7));
      setTimeout(() => req.end(form.slice(7)), 50);
    });
    expect(small).toBe(302);
    expect(server.lines().join("\n") + stderr).not.toMatch(/Error/);
  }, 30_000);
});
