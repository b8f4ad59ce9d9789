// Remix's router flattens and ranks every route of the build on each match, and a request matches
// several times (the server, the static handler, the render's partial manifest). A copy of the
// build holding only the routes a path's static segments allow makes each of those matches cheap:
// a lesson ranks 6 routes instead of 48. See docs/decisions/0029.

const isDynamic = (segment) => segment.startsWith(":") || segment === "*";

/** A route's full path as segments (its ancestors' paths first). */
function segmentsOf(routes, id) {
  const chain = [];
  for (let route = routes[id]; route; route = routes[route.parentId]) chain.unshift(route);
  return chain.flatMap((route) => (route.path ?? "").split("/").filter(Boolean));
}

/**
 * What routing needs to know about a build: each route's segments (static ones lower-cased, as
 * Remix matches case-insensitively) and, per position, the static segments some route has there.
 * Optional segments (`x?`) would make positions shift: such routes are kept for every path.
 */
export function routeShapes(routes) {
  const shapes = Object.keys(routes).map((id) => ({ id, segments: segmentsOf(routes, id).map((s) => (isDynamic(s) ? s : s.toLowerCase())) }));
  const staticAt = [];
  for (const { segments } of shapes)
    segments.forEach((segment, i) => {
      if (!isDynamic(segment)) (staticAt[i] ??= new Set()).add(segment);
    });
  return { shapes, staticAt };
}

/**
 * The key a request is dispatched on: its path's segments, lower-cased, without a single fetch's
 * `.data`, each one that no route has at its position written `*` (it can only meet a dynamic
 * segment there). `/khoa-hoc/1/hoc/m/l` → `khoa-hoc/*\/hoc/*\/*`.
 */
export function pathKey(pathname, staticAt) {
  // decoded as Remix decodes a path before matching it (`/kho%61-hoc` is `/khoa-hoc`)
  const segments = pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => decoded(segment).toLowerCase());
  const last = segments.length - 1;
  if (last >= 0 && segments[last].endsWith(".data")) segments[last] = segments[last].slice(0, -".data".length);
  return segments.map((segment, i) => (staticAt[i]?.has(segment) ? segment : "*")).join("/");
}

function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed: Remix matches it as it is
  }
}

/**
 * The ids of the routes a path of this key can match, or whose match the page's manifest needs
 * (Remix also matches each parent path of the URL): routes no longer than the path whose static
 * segments all equal the path's, a splat's from its prefix on, and their ancestors.
 */
export function routeIdsForKey(routes, shapes, key) {
  const path = key === "" ? [] : key.split("/");
  const kept = new Set();
  for (const { id, segments } of shapes) {
    const splat = segments.at(-1) === "*";
    const fixed = splat ? segments.slice(0, -1) : segments;
    const optional = segments.some((s) => s.endsWith("?"));
    const fits = optional || (fixed.length <= path.length && fixed.every((s, i) => isDynamic(s) || s === path[i]));
    if (fits) for (let route = routes[id]; route && !kept.has(route.id); route = routes[route.parentId]) kept.add(route.id);
  }
  return kept;
}

/** The build with only `ids` among its server routes and its browser manifest. */
export function prunedBuild(build, ids) {
  const pick = (all) => Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
  return { ...build, routes: pick(build.routes), assets: { ...build.assets, routes: pick(build.assets.routes) } };
}

/** Distinct keys kept; beyond it (odd paths, many segments) requests go to the full build. */
const MAX_HANDLERS = 200;

/**
 * A request handler per path key, made by `createHandler` from a pruned copy of the build on
 * first use, and the full build's handler for lazy route discovery (`/__manifest` asks about any
 * path, so it must see every route) and once the keys are many.
 */
export function handlerPerPathShape(build, createHandler) {
  const full = createHandler(build);
  const { shapes, staticAt } = routeShapes(build.routes);
  const handlers = new Map();
  return (req, res, next) => {
    if (req.path === "/__manifest") return full(req, res, next);
    const key = pathKey(req.path, staticAt);
    let handler = handlers.get(key);
    if (!handler) {
      if (handlers.size >= MAX_HANDLERS) return full(req, res, next);
      handler = createHandler(prunedBuild(build, routeIdsForKey(build.routes, shapes, key)));
      handlers.set(key, handler);
    }
    return handler(req, res, next);
  };
}
