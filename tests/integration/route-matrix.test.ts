import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ServerBuild, createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Access } from "~/auth/access";
import "~/i18n/attendance"; // the activation page's title lives in the attendance catalogue
import "~/i18n/account";
import "~/i18n/offline"; // the offline page's title
import { t } from "~/i18n/messages";
import { NAV_RULES } from "~/ui/navigation.server";
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

const get = (url: string, cookie?: string) => handler(new Request(ORIGIN + url, { headers: cookie ? { Cookie: cookie } : {} }), testContext());

/** What a public page answers: its status, and its page title, body text or redirect target. */
type Answer = { status: number; title?: string; text?: string; location?: string };
const titled = (title: string): Answer => ({ status: 200, title: `${title} · ${t("app.name")}` });
const notFound: Answer = { status: 404, text: t("error.notFound.body") };
const toHome: Answer = { status: 302, location: "/" };

/**
 * Every public route's answer to an anonymous visitor and to a signed-in one (any role), as the build
 * serves it in production (the test-only pages `bench` and `kiem-thu` stay hidden there). A new public
 * route adds its line.
 */
const PUBLIC_ANSWERS: Record<string, { anonymous: Answer; signedIn: Answer }> = {
  "routes/_index": { anonymous: { status: 200, title: t("app.name") }, signedIn: { status: 200, title: t("app.name") } },
  "routes/dang-nhap": { anonymous: titled(t("auth.login.title")), signedIn: toHome },
  "routes/dang-ky": { anonymous: titled(t("auth.register.title")), signedIn: toHome },
  "routes/dang-xuat": { anonymous: toHome, signedIn: toHome },
  "routes/kich-hoat": { anonymous: titled(t("att.activate.title")), signedIn: titled(t("att.activate.title")) },
  "routes/chung-nhan._index": { anonymous: titled(t("cert.verify.title")), signedIn: titled(t("cert.verify.title")) },
  // route-params' code belongs to no certificate: the lookup page gives the not-found verdict
  "routes/chung-nhan.$code": { anonymous: { status: 404, text: "verdict--not-found" }, signedIn: { status: 404, text: "verdict--not-found" } },
  "routes/ngoai-tuyen": { anonymous: titled(t("offline.title")), signedIn: titled(t("offline.title")) },
  "routes/healthz": { anonymous: { status: 200, text: '"status":"ok"' }, signedIn: { status: 200, text: '"status":"ok"' } },
  "routes/bench": { anonymous: notFound, signedIn: notFound },
  "routes/kiem-thu.dong-ho": { anonymous: notFound, signedIn: notFound },
  // without its signed ?ma= the unsubscribe page says the link is not valid
  "routes/ngung-nhan-email": { anonymous: { status: 400, text: "unsubscribe-invalid" }, signedIn: { status: 400, text: "unsubscribe-invalid" } },
};

async function expectAnswer(res: Response, want: Answer, label: string) {
  expect(res.status, label).toBe(want.status);
  if (want.location) expect(res.headers.get("Location"), label).toBe(want.location);
  const body = await res.text();
  if (want.title) expect(body, label).toContain(`<title>${want.title}</title>`);
  if (want.text) expect(body, label).toContain(want.text);
}

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
  it.each(NAV_RULES.map((n) => [n.to, n.access]))("the menu link %s carries the rule of its page", async (to, rule) => {
    const page = routes.find((r) => urlOf(r.id, {}) === to);
    expect(page, `no route at ${to}`).toBeDefined();
    const access = (page!.module as unknown as { access: Access }).access;
    if (access.kind !== "public") expect(access).toEqual(rule);
    // a public page may be offered to some roles only (the verification page to those who issue certificates):
    // each role the menu offers it to gets the page itself
    else {
      const offeredTo = rule.kind === "role" ? rule.roles : ROLES;
      for (const role of offeredTo) await expectAnswer(await get(to, cookies[role]), PUBLIC_ANSWERS[page!.id].signedIn, `${role} → ${to}`);
      expect(PUBLIC_ANSWERS[page!.id].signedIn.status).toBe(200);
    }
  });
});

describe("route matrix (anonymous and each role)", () => {
  it("knows the answer of every public route", () => {
    const publicIds = routes.filter((r) => (r.module as unknown as { access: Access }).access.kind === "public").map((r) => r.id);
    expect(publicIds.sort()).toEqual(Object.keys(PUBLIC_ANSWERS).sort());
  });

  it.each(routes.map((r) => [r.id]))("%s answers as its rule says", async (id) => {
    const access = (build.routes[id].module as unknown as { access: Access }).access;
    const url = urlOf(id, params);
    expect(url, `tests/support/route-params.ts needs a value for ${build.routes[id].path}`).not.toBeNull();

    const anon = await get(url!);
    if (access.kind === "public") await expectAnswer(anon, PUBLIC_ANSWERS[id].anonymous, `anonymous → ${url}`);
    else {
      expect(anon.status).toBe(302);
      expect(anon.headers.get("Location")).toMatch(/^\/dang-nhap/);
    }

    for (const role of ROLES) {
      const res = await get(url!, cookies[role]);
      const allowed = access.kind !== "role" || access.roles.includes(role);
      const label = `${role} → ${url}`;
      const notFoundOk = access.objectLevel === true;
      if (access.kind === "public") await expectAnswer(res, PUBLIC_ANSWERS[id].signedIn, label);
      else if (allowed) expect(res.status < 400 || (notFoundOk && res.status === 404), `${label}: ${res.status}`).toBe(true);
      else expect(res.status, label).toBe(403);
    }
  });
});
