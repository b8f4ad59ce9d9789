import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Access } from "~/auth/access";
import { db } from "~/db/db.server";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { ORIGIN, cookieFor, tableCounts, testContext, userIdOf } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * Every route with an action gets FUZZ_RUNS generated bad inputs, posted by a user whose role
 * the route allows: field names taken from the route's own form plus random ones, values that
 * are huge, of the wrong type, unicode edge cases, injection strings or other objects' ids.
 * No answer may be a 5xx, and a refused (4xx) request must leave the data as it was.
 * Sessions and the throttling counters (failed logins, failed check-in guesses, rate-limit hits)
 * are left out of that comparison: counting a refused guess is the intended effect of refusing it.
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");

type RouteInfo = { id: string; url: string; access: Access };

function urlOf(routeId: string, params: Record<string, string>): string {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) {
    const p = build.routes[id].path;
    if (p) parts.unshift(p);
  }
  const url =
    "/" +
    parts
      .join("/")
      .split("/")
      .map((seg) => (seg.startsWith(":") ? (params[seg.slice(1).replace(/\?$/, "")] ?? "1") : seg))
      .join("/");
  const route = build.routes[routeId];
  return (url.replace(/\/+$/, "") || "/") + (route.index ? "?index" : "");
}

const nasty = fc.oneof(
  fc.constant(""),
  fc.constant("x".repeat(100_000)),
  fc.constant('\' OR 1=1; DROP TABLE "User"; --'),
  fc.constant('<script>alert("xss")</script>'),
  fc.constant("\u0000\u202e\ud83d\ude00\ufeff"),
  fc.constant("Nguyễn Văn A"),
  fc.constant("-1"),
  fc.constant("1e309"),
  fc.constant("NaN"),
  fc.constant("true"),
  fc.constant("[object Object]"),
  fc.constant("../../etc/passwd"),
  fc.integer({ min: -5, max: 400 }).map(String),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

function formFieldNames(html: string): string[] {
  return [...new Set([...html.matchAll(/\sname="([^"]+)"/g)].map((m) => m[1]))].filter((n) => n !== "viewport");
}

let routes: RouteInfo[] = [];
let params: Record<string, string> = {};

beforeAll(async () => {
  params = await routeParams();
  routes = Object.values(build.routes)
    .filter((r) => r.id !== "root" && (r.module as { action?: unknown }).action)
    .map((r) => ({ id: r.id, url: urlOf(r.id, params), access: (r.module as unknown as { access: Access }).access }));
});

function roleFor(access: Access) {
  const role = access.kind === "role" ? access.roles[0] : "learner";
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

async function freshCookie(access: Access) {
  // a new session per request: some actions (logout, revoke) end the one they are given
  return cookieFor(await userIdOf(roleFor(access).email));
}

const countsWithoutSessions = async () => {
  const counts = await tableCounts();
  for (const table of ["Session", "ThrottleHit"]) delete counts[table];
  return counts;
};

describe("fuzzing every action", () => {
  it("has actions to fuzz", () => {
    expect(routes.length).toBeGreaterThan(3);
  });

  it("never answers 5xx and writes nothing when it refuses", async () => {
    for (const route of routes) {
      const page = await handler(new Request(ORIGIN + route.url, { headers: { Cookie: await freshCookie(route.access) } }), testContext());
      const known = page.status === 200 ? formFieldNames(await page.text()) : [];
      const keys = fc.oneof(
        fc.constantFrom(...(known.length ? known : ["intent"])),
        fc.constantFrom("intent", "id", "userId", "__proto__"),
        fc.string({ maxLength: 12 }),
      );
      const body = fc.dictionary(keys, fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })), { maxKeys: 8 });
      const query = fc.constantFrom("", "intent=revoke", "intent=delete", "tinh=999", "index");
      await fc.assert(
        fc.asyncProperty(body, query, fc.boolean(), async (fields, q, asJson) => {
          const cookie = await freshCookie(route.access);
          const before = await countsWithoutSessions();
          const form = new URLSearchParams();
          for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
          const url = ORIGIN + route.url + (q ? (route.url.includes("?") ? "&" : "?") + q : "");
          const res = await handler(
            new Request(url, {
              method: "POST",
              headers: {
                Cookie: cookie,
                Origin: ORIGIN,
                Host: new URL(ORIGIN).host,
                "Content-Type": asJson ? "application/json" : "application/x-www-form-urlencoded",
              },
              body: asJson ? JSON.stringify(fields) : form,
            }),
            testContext(`10.${Math.floor(Math.random() * 250)}.0.1`),
          );
          expect(res.status, `${route.id} ${JSON.stringify(fields).slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await countsWithoutSessions(), `${route.id} wrote on a ${res.status}`).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS, seed: 2026 },
      );
    }
  }, 600_000);

  it("renders stored hostile text escaped", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.role === "admin")!;
    const id = await userIdOf(admin.email);
    await db().user.update({ where: { id: await userIdOf("0913000005") }, data: { fullName: '<img src=x onerror="alert(1)">Nguyễn' } });
    const res = await handler(new Request(`${ORIGIN}/quan-tri/nguoi-dung?q=0913000005`, { headers: { Cookie: await cookieFor(id) } }), testContext());
    const html = await res.text();
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
    expect(html).toContain("&lt;img src=x onerror=");
  });
});
