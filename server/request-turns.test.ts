import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { oneRequestPerTurn } from "./request-turns.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("one request per turn", () => {
  it("hands requests on in arrival order, one in each turn of the event loop", async () => {
    const middleware = oneRequestPerTurn();
    const started: number[] = [];
    for (const n of [1, 2, 3]) middleware({}, {}, () => started.push(n));
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual([1]);
    await turn();
    expect(started).toEqual([1, 2]);
    await turn();
    expect(started).toEqual([1, 2, 3]);
    middleware({}, {}, () => started.push(4));
    await turn();
    expect(started).toEqual([1, 2, 3, 4]);
  });

  let child: ChildProcess | undefined;
  afterEach(() => void child?.kill());

  // A server in its own process whose every answer costs 2 ms of CPU and tells its place in the order
  // the server started requests. Ten phones keep it busy; twenty more connect at once. Node accepts one
  // connection per turn: without the middleware each turn also serves all ten busy phones, so the last
  // newcomer is answered some 200 requests later; with it, within a few rounds of the thirty.
  it("serves phones that connect to a busy server within a few rounds, not after one round per connection", async () => {
    const middleware = path.resolve("server/request-turns.js");
    const source = `
      import http from "node:http";
      import { oneRequestPerTurn } from ${JSON.stringify(middleware)};
      const gate = oneRequestPerTurn();
      let started = 0;
      const server = http.createServer((req, res) => gate(req, res, () => {
        const place = ++started;
        const until = performance.now() + 2;
        while (performance.now() < until);
        res.end(String(place));
      }));
      server.listen(0, "127.0.0.1", 4096, () => process.send(server.address().port));`;
    child = spawn(process.execPath, ["--input-type=module", "-e", source], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const port = await new Promise<number>((resolve) => child!.once("message", (m) => resolve(Number(m))));

    const get = (agent: http.Agent) =>
      new Promise<number>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, agent }, (res) => {
            let body = "";
            res.on("data", (chunk) => (body += chunk)).on("end", () => resolve(Number(body)));
          })
          .on("error", reject);
      });

    let lastSeen = 0;
    let running = true;
    const busy = Array.from({ length: 10 }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (running) lastSeen = Math.max(lastSeen, await get(agent));
      agent.destroy();
    });
    while (lastSeen < 100) await new Promise((resolve) => setTimeout(resolve, 10));

    const firedAt = lastSeen;
    const newcomers = await Promise.all(Array.from({ length: 20 }, () => get(new http.Agent({ keepAlive: false }))));
    running = false;
    await Promise.all(busy);

    // 30 clients with one request each in flight: a few rounds of 30 after firing, not 10 × 20
    expect(Math.max(...newcomers) - firedAt).toBeLessThan(100);
  }, 30_000);
});
