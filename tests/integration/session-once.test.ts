import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Access } from "~/auth/access";
import { db } from "~/db/db.server";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { ORIGIN, cookieFor, run, testContext } from "../support/http";
import { routeParams } from "../support/route-params";

/**
 * One page load looks the session up once: the root loader and the page's loader get their own
 * copies of the Request but the same load context, and every signed-in page's loader passes it to
 * the guard. Shown by ending the session between the two loaders of one load: the page's loader
 * still answers from the lookup the root loader made, while a new load is sent to the login page.
 */
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const signedInPages = Object.values(build.routes).filter((r) => {
  const mod = r.module as unknown as { access: Access; loader?: Loader };
  return r.id !== "root" && mod.loader && mod.access.kind !== "public";
});

function pathOf(routeId: string, params: Record<string, string>): string {
  const parts: string[] = [];
  for (let id: string | undefined = routeId; id; id = build.routes[id]?.parentId) if (build.routes[id].path) parts.unshift(build.routes[id].path!);
  return "/" + parts.join("/").replace(/:(\w+)\??/g, (_, name: string) => params[name] ?? "");
}

const roleFor = (access: Access) => (access.kind === "role" ? access.roles[0] : "learner");
const rootLoader = build.routes.root.module.loader as Loader;

describe("one session lookup per page load", () => {
  it.each(signedInPages.map((r) => [r.id]))("%s reuses the root loader's lookup", async (id) => {
    const route = build.routes[id];
    const mod = route.module as unknown as { access: Access; loader: Loader };
    const params = await routeParams();
    const role = roleFor(mod.access);
    const cookie = await cookieFor(DEMO_ACCOUNTS.find((a) => a.role === role)!.role);
    const url = ORIGIN + pathOf(id, params);
    const request = () => new Request(url, { headers: { Cookie: cookie } });
    const context = testContext();

    await rootLoader({ request: request(), params, context });
    await db().session.deleteMany({ where: { userId: (await db().session.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).userId } });

    const samePage = await run(() => mod.loader({ request: request(), params, context }));
    expect(samePage.location ?? "", `${id} looked the session up again`).not.toMatch(/^\/dang-nhap/);

    const nextPage = await run(() => mod.loader({ request: request(), params, context: testContext() }));
    expect(nextPage.status).toBe(302);
    expect(nextPage.location).toMatch(/^\/dang-nhap/);
  });
});
