import http from "node:http";
import { describe, expect, it } from "vitest";
import { FORCE_EXIT_AFTER_MS, closeGracefully } from "./shutdown.js";

const quiet = { info() {}, warn() {}, error() {} };

/** A real HTTP server on a free port, and the shutdown handler under test with its exit recorded. */
async function serving(closeDatabase: () => Promise<void>, timeoutMs: number) {
  const server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  let exited: (code: number) => undefined = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = (code) => void resolve(code)));
  const stop = closeGracefully(server, { logger: quiet, closeDatabase, timeoutMs, exit: exited });
  return { stop, exit };
}

describe("graceful shutdown", () => {
  it("closes the database and exits 0 when nothing is in flight", async () => {
    let closed = false;
    const { stop, exit } = await serving(async () => void (closed = true), 1000);
    stop("SIGTERM");
    expect(await exit).toBe(0);
    expect(closed).toBe(true);
  });

  it("exits 1 at the deadline when closing the database never ends (a stuck transaction)", async () => {
    const { stop, exit } = await serving(() => new Promise(() => {}), 100);
    const started = Date.now();
    stop("SIGTERM");
    expect(await exit).toBe(1);
    // not before the requests' timeout and the few seconds after it
    expect(Date.now() - started).toBeGreaterThanOrEqual(100 + FORCE_EXIT_AFTER_MS - 50);
  }, 20_000);
});
