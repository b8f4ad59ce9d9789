import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Access } from "~/auth/access";
import { NAV_RULES } from "~/ui/navigation";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { ORIGIN, cookieFor, testContext } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * Every route of the built app (the Remix route manifest) must export an `access` rule, and
 * each page answers anonymous visitors and every role as that rule says.
 */
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const handler = createRequestHandler(build, "production");
const ROLES = [...new Set(DEMO_ACCOUNTS.map((a) => a.role))];

function urlOf(routeId: string, params: Record<string, string>): string | null {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) {
    const p = build.routes[id].path;
    if (p) parts.unshift(p);
  }
  let missing = false;
  const url =
    "/" +
    parts
      .join("/")
      .split("/")
      .map((seg) => {
        if (!seg.startsWith(":")) return seg;
        const value = params[seg.slice(1).replace(/\?$/, "")];
        if (!value) missing = true;
        return value ?? "";
      })
      .join("/");
  return missing ? null : url.replace(/\/+$/, "") || "/";
}

const routes = Object.values(build.routes).filter((r) => r.id !== "root");
let cookies: Record<string, string>;
let params: Record<string, string>;

beforeAll(async () => {
  params = await routeParams();
  cookies = {};
  for (const role of ROLES) cookies[role] = await cookieFor(role);
});

const get = (url: string, cookie?: string) =>
  handler(new Request(ORIGIN + url, { headers: cookie ? { Cookie: cookie } : {} }), testContext());

describe("route access rules", () => {
  it("finds the app's routes in the manifest", () => {
    expect(routes.length).toBeGreaterThan(5);
  });

  it.each(routes.map((r) => [r.id]))("%s declares an access rule", (id) => {
    const access = (build.routes[id].module as { access?: Access }).access;
    expect(access, `${id} must export \`access\``).toBeDefined();
    expect(["public", "signed-in", "role"]).toContain(access!.kind);
  });
});

describe("navigation", () => {
  it.each(NAV_RULES.map((n) => [n.to, n.access]))("the menu link %s carries the rule of its page", (to, rule) => {
    const page = routes.find((r) => urlOf(r.id, {}) === to);
    expect(page, `no route at ${to}`).toBeDefined();
    const access = (page!.module as unknown as { access: Access }).access;
    // a public page may be offered to some roles only (the verification page to those who issue certificates)
    if (access.kind !== "public") expect(access).toEqual(rule);
  });
});

describe("route matrix (anonymous and each role)", () => {
  it.each(routes.map((r) => [r.id]))("%s answers as its rule says", async (id) => {
    const access = (build.routes[id].module as unknown as { access: Access }).access;
    const url = urlOf(id, params);
    expect(url, `tests/support/route-params.ts needs a value for ${build.routes[id].path}`).not.toBeNull();

    const anon = await get(url!);
    if (access.kind === "public") expect([200, 302, 404]).toContain(anon.status);
    else {
      expect(anon.status).toBe(302);
      expect(anon.headers.get("Location")).toMatch(/^\/dang-nhap/);
    }

    for (const role of ROLES) {
      const res = await get(url!, cookies[role]);
      const allowed = access.kind !== "role" || access.roles.includes(role);
      const label = `${role} → ${url}`;
      const notFoundOk = access.kind === "public" || access.objectLevel === true;
      if (allowed) expect(res.status < 400 || (notFoundOk && res.status === 404), `${label}: ${res.status}`).toBe(true);
      else expect(res.status, label).toBe(403);
    }
  });
});
