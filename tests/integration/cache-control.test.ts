import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Access } from "~/auth/access";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { ORIGIN, cookieFor, testContext } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * Finding 11 of issue 13: whatever a signed-in user is answered — every page of the route manifest,
 * its `.data` request, every download — carries `Cache-Control: private, no-store`, so neither a
 * shared cache nor the browser's back button on a hall computer keeps personal data.
 */
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");
// The test-only routes (the e2e clock, the bench baseline) answer 404 here and show nothing.
const routes = Object.values(build.routes).filter((r) => !["root", "routes/kiem-thu.dong-ho", "routes/bench"].includes(r.id));

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
      .map((seg) => (seg.startsWith(":") ? params[seg.slice(1).replace(/\?$/, "")] : seg))
      .join("/");
  return url.replace(/\/+$/, "") || "/";
}

/** A demo user whom the route's rule lets in (a signed-in learner for public and signed-in pages). */
function accountFor(access: Access) {
  const role = access.kind === "role" ? access.roles[0] : "learner";
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

let params: Record<string, string>;
const cookies = new Map<string, string>();
beforeAll(async () => {
  params = await routeParams();
  for (const a of DEMO_ACCOUNTS) if (!cookies.has(a.role)) cookies.set(a.role, await cookieFor(a.role));
});

const isPage = (id: string) => Boolean((build.routes[id].module as { default?: unknown }).default);

describe("no cache keeps what a signed-in user is shown", () => {
  it.each(routes.map((r) => [r.id]))("%s", async (id) => {
    const access = (build.routes[id].module as unknown as { access: Access }).access;
    const cookie = cookies.get(accountFor(access).role)!;
    const url = urlOf(id, params);
    const requests = [url];
    if (isPage(id)) requests.push(`${url === "/" ? "/_root" : url}.data`);
    for (const target of requests) {
      const res = await handler(new Request(ORIGIN + target, { headers: { Cookie: cookie } }), testContext());
      expect(res.status, target).toBeLessThan(500);
      // A redirect (a signed-in visitor of the login page) has no body to keep.
      if (res.status < 300 || res.status >= 400) expect(res.headers.get("Cache-Control"), `${target} (${res.status})`).toBe("private, no-store");
      await res.arrayBuffer();
    }
  });

  it("anonymous pages are revalidated, not kept as they are", async () => {
    const res = await handler(new Request(`${ORIGIN}/dang-nhap`), testContext());
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
  });
});
