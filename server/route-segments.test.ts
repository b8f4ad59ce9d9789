import { type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { handlerPerPathShape, pathKey, prunedBuild, routeIdsForKey, routeShapes } from "./route-segments.js";

type FlatRoute = { id: string; parentId?: string; path?: string; index?: boolean };

// The shapes a Remix build can hold: root, index, nested layout, pathless layout, dynamic first
// segment only under a static prefix, a file route with an escaped dot, a splat under a prefix.
const flat: FlatRoute[] = [
  { id: "root", path: "" },
  { id: "routes/_index", parentId: "root", index: true },
  { id: "routes/diem-danh", parentId: "root", path: "diem-danh" },
  { id: "routes/khoa-hoc", parentId: "root", path: "khoa-hoc" },
  { id: "routes/khoa-hoc._index", parentId: "routes/khoa-hoc", index: true },
  { id: "routes/khoa-hoc.$courseId", parentId: "routes/khoa-hoc", path: ":courseId" },
  { id: "routes/khoa-hoc.$courseId.hoc.$lesson", parentId: "routes/khoa-hoc.$courseId", path: "hoc/:lesson" },
  { id: "routes/_auth", parentId: "root" },
  { id: "routes/_auth.dang-nhap", parentId: "routes/_auth", path: "dang-nhap" },
  { id: "routes/thong-ke.tham-dinh[.]csv", parentId: "root", path: "thong-ke/tham-dinh.csv" },
  { id: "routes/tai-lieu.$", parentId: "root", path: "tai-lieu/*" },
];
const routes = Object.fromEntries(flat.map((r) => [r.id, { ...r, module: {} }]));
const build = { routes, assets: { version: "1", routes: Object.fromEntries(flat.map((r) => [r.id, { id: r.id }])) }, future: {} };

function tree(ids: Set<string>, parentId?: string): AgnosticRouteObject[] {
  return flat
    .filter((r) => r.parentId === parentId && ids.has(r.id))
    .map((r) => (r.index ? { id: r.id, index: true, path: r.path } : { id: r.id, path: r.path, children: tree(ids, r.id) }));
}
const matchedIds = (ids: Set<string>, path: string) => matchRoutes(tree(ids), path)?.map((m) => m.route.id) ?? null;

const { shapes, staticAt } = routeShapes(routes);
const keptFor = (path: string) => routeIdsForKey(routes, shapes, pathKey(path, staticAt));

describe("routeIdsForKey", () => {
  it("keeps the routes a path can reach and their ancestors", () => {
    expect([...keptFor("/diem-danh")].sort()).toEqual(["root", "routes/_auth", "routes/_index", "routes/diem-danh"]);
    const lesson = keptFor("/khoa-hoc/1/hoc/bai-1");
    expect(lesson).toContain("routes/khoa-hoc.$courseId.hoc.$lesson");
    expect(lesson).toContain("routes/khoa-hoc.$courseId"); // a parent path's match: the page's manifest needs it
    expect(lesson).not.toContain("routes/diem-danh");
    expect(keptFor("/dang-nhap")).toContain("routes/_auth");
  });

  it("matches every path, and every parent path, exactly as the full build does", () => {
    const all = new Set(Object.keys(routes));
    const paths = [
      "/",
      "/diem-danh",
      "/DIEM-DANH",
      "/diem-danh/",
      "/kho%61-hoc/1",
      "/khoa-hoc",
      "/khoa-hoc/1",
      "/khoa-hoc/hoc",
      "/khoa-hoc/1/hoc/bai-1",
      "/khoa-hoc/1/hoc/bai-1/them",
      "/khoa-hoc/1/khong-co",
      "/dang-nhap",
      "/thong-ke/tham-dinh.csv",
      "/tai-lieu",
      "/tai-lieu/a/b",
      "/khong-co",
    ];
    for (const path of paths) {
      const kept = keptFor(path);
      const segments = path.split("/").filter(Boolean);
      for (let n = segments.length; n >= 0; n--) {
        const parent = `/${segments.slice(0, n).join("/")}`;
        expect(matchedIds(kept, parent), `${parent} within ${path}`).toEqual(matchedIds(all, parent));
      }
    }
  });

  it("keeps a route with a dynamic first segment for every path", () => {
    const withDynamic = { ...routes, "routes/$slug": { id: "routes/$slug", parentId: "root", path: ":slug", module: {} } };
    const shaped = routeShapes(withDynamic);
    expect(routeIdsForKey(withDynamic, shaped.shapes, pathKey("/diem-danh", shaped.staticAt))).toContain("routes/$slug");
  });
});

describe("pathKey", () => {
  it("keeps the segments some route has at their place, lower-cased, without a single fetch's .data", () => {
    expect(pathKey("/diem-danh", staticAt)).toBe("diem-danh");
    expect(pathKey("/diem-danh.data", staticAt)).toBe("diem-danh");
    expect(pathKey("/Khoa-Hoc/17/hoc/bai-2.data", staticAt)).toBe("khoa-hoc/*/hoc/*");
    expect(pathKey("/", staticAt)).toBe("");
    expect(pathKey("/_root.data", staticAt)).toBe("*");
  });
});

describe("handlerPerPathShape", () => {
  const made: { routes: string[]; manifest: string[] }[] = [];
  const handle = handlerPerPathShape(build, (b: typeof build) => {
    const entry = { routes: Object.keys(b.routes), manifest: Object.keys(b.assets.routes) };
    made.push(entry);
    return () => entry;
  });
  const serve = (path: string) => (handle as (req: unknown, res: unknown, next: unknown) => unknown)({ path }, {}, () => {}) as (typeof made)[number];

  it("sends a path to a build pruned to its routes, the browser manifest pruned alike, made once per shape", () => {
    const pruned = serve("/diem-danh.data");
    expect(pruned.routes).toHaveLength(4);
    expect(pruned.manifest).toEqual(pruned.routes);
    expect(serve("/khoa-hoc/2/hoc/bai-9")).toBe(serve("/khoa-hoc/1/hoc/bai-1"));
  });

  it("sends lazy route discovery to the full build", () => {
    expect(serve("/__manifest").routes).toHaveLength(flat.length);
  });

  it("leaves the rest of the build as it is", () => {
    const copy = prunedBuild(build, new Set(["root"]));
    expect(copy.future).toBe(build.future);
    expect(copy.assets.version).toBe("1");
    expect(Object.keys(build.routes)).toHaveLength(flat.length);
  });
});
