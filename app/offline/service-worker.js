/* global self, caches, indexedDB */
// The learner app's service worker (docs/decisions/0046), built into /sw.js by
// scripts/build-service-worker.ts with the build's version. It only adds to the pages: documents
// come from the network first (the cache only when it fails or is too slow), so a deploy never
// serves a stale page; fingerprinted /build/ files come from the cache first; the outbox's
// check-ins and quiz submissions are sent on Background Sync. Plain JS, no dependencies.
const VERSION = "__BUILD_VERSION__";
const PAGES = `ocop-pages-${VERSION}`;
const ASSETS = `ocop-assets-${VERSION}`;
const OFFLINE = "/ngoai-tuyen";
const SLOW_MS = 8000;

self.addEventListener("install", (event) => {
  event.waitUntil(cacheWithAssets(OFFLINE).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // the caches of earlier builds go: their pages name files this build no longer has
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("ocop-") && n !== PAGES && n !== ASSETS).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // signing out takes the signed-in pages off the phone
  if (req.method === "POST" && url.pathname === "/dang-xuat") return void event.waitUntil(caches.delete(PAGES));
  if (req.method !== "GET") return;
  if (url.pathname === OFFLINE) return void event.respondWith(caches.match(OFFLINE, { cacheName: PAGES }).then((hit) => hit || fetch(req)));
  if (url.pathname.startsWith("/build/")) return void event.respondWith(cacheFirst(req));
  if (req.mode === "navigate" || url.pathname.endsWith(".data")) event.respondWith(networkFirst(req, event));
});

async function cacheFirst(req) {
  const hit = await caches.match(req, { cacheName: ASSETS });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await (await caches.open(ASSETS)).put(req, res.clone());
  return res;
}

const cacheable = (res) =>
  res.ok && !res.redirected && /text\/html|text\/x-script|application\/octet-stream|turbo-stream/.test(res.headers.get("Content-Type") || "");

async function networkFirst(req, event) {
  const network = fetch(req).then(async (res) => {
    if (cacheable(res)) {
      const copy = res.clone();
      event.waitUntil(
        caches
          .open(PAGES)
          .then((c) => c.put(req, copy.clone()))
          .then(() => warmLessons(req, copy)),
      );
    }
    return res;
  });
  // a slow document falls back to its kept copy; data (a loader's revalidation after a form post) only
  // when the network fails, so a page never shows data older than what the learner just changed
  const slow = new Promise((resolve) => (req.mode === "navigate" ? setTimeout(resolve, SLOW_MS, null) : undefined));
  const first = await Promise.race([network.catch(() => null), slow]);
  if (first) return first;
  const cached = await caches.match(req, { cacheName: PAGES });
  if (cached) return cached;
  try {
    return await network;
  } catch {
    // to the offline page's own address, so the page that opens there is the one its HTML was made for
    if (req.mode === "navigate" && (await caches.match(OFFLINE, { cacheName: PAGES }))) return Response.redirect(OFFLINE, 302);
    return Response.error();
  }
}

/** A class's page was read: its lessons (and the files they load) are kept for reading offline. */
async function warmLessons(req, res) {
  const url = new URL(req.url);
  if (req.mode !== "navigate" || !/^\/khoa-hoc\/\d+\/?$/.test(url.pathname)) return;
  const html = await res.text();
  const lessons = [...new Set([...html.matchAll(/href="(\/khoa-hoc\/\d+\/hoc\/[^"?#]+)"/g)].map((m) => m[1]))];
  const pages = await caches.open(PAGES);
  for (const lesson of lessons) if (!(await pages.match(lesson))) await cacheWithAssets(lesson).catch(() => undefined);
}

/** Caches a page and every /build/ file its HTML names (scripts, styles). */
async function cacheWithAssets(path) {
  const res = await fetch(path, { credentials: "same-origin" });
  if (!cacheable(res)) return;
  const html = await res.clone().text();
  await (await caches.open(PAGES)).put(path, res);
  const assets = await caches.open(ASSETS);
  for (const file of new Set([...html.matchAll(/"(\/build\/[^"]+)"/g)].map((m) => m[1])))
    if (!(await assets.match(file))) await assets.add(file).catch(() => undefined);
}

// The outbox: the pages hand their check-ins and quiz submissions over (app/offline/outbox.ts);
// they are kept in IndexedDB until the server answers, and sent one at a time.
self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG)
    event.waitUntil(
      serially(flushOutbox).then((waiting) => {
        // a rejected sync is tried again by the browser later
        if (waiting) throw new Error(`${waiting} waiting`);
      }),
    );
});

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  const m = event.data || {};
  if (!port) return;
  const work =
    m.type === "queue"
      ? serially(() => queue(m.item))
      : m.type === "flush"
        ? serially(flushOutbox).then(() => store("readonly", (s) => s.getAll()))
        : m.type === "forget"
          ? store("readwrite", (s) => s.delete(m.key)).then(() => true)
          : Promise.resolve(null);
  event.waitUntil(
    work.then(
      (reply) => port.postMessage(reply),
      () => port.postMessage(null),
    ),
  );
});

const SYNC_TAG = "ocop-outbox";
let chain = Promise.resolve();
function serially(work) {
  const run = chain.then(work);
  chain = run.catch(() => undefined);
  return run;
}

function store(mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("ocop-offline", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("outbox", { keyPath: "key" });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = work(db.transaction("outbox", mode).objectStore("outbox"));
      req.onsuccess = () => (db.close(), resolve(req.result));
      req.onerror = () => (db.close(), reject(req.error));
    };
  });
}

/** Kept first (a phone that dies mid-request loses nothing), then sent; without an answer, left for a sync. */
async function queue(item) {
  await store("readwrite", (s) => s.put(item));
  const answer = await sendItem(item);
  if (answer) {
    await store("readwrite", (s) => s.put({ ...item, answer }));
    return { ...item, answer };
  }
  await askForSync();
  return item;
}

async function askForSync() {
  try {
    await self.registration.sync?.register(SYNC_TAG);
  } catch {
    // no Background Sync: the pages ask again on load, on "online" and every half minute
  }
}

/**
 * One send. `null`: no answer (no network, a 15 s timeout, the server failing, signed out), so the
 * item waits. Check-ins are answered in JSON (/diem-danh/gui); a quiz by the redirect to its result.
 */
async function sendItem(item) {
  const body = new URLSearchParams(item.fields);
  body.set("sentAt", String(Date.now()));
  let res;
  try {
    res = await fetch(item.url, { method: "POST", body, credentials: "same-origin", signal: AbortSignal.timeout(15000) });
  } catch {
    return null;
  }
  if (res.status >= 500) return null;
  if (item.kind === "checkin") {
    if (!(res.headers.get("Content-Type") || "").includes("json")) return null;
    const json = await res.json();
    return { ok: json.ok, message: json.message };
  }
  const to = new URL(res.url);
  if (to.searchParams.has("ket-qua")) return { ok: true, location: to.pathname + to.search };
  return res.status >= 400 ? { ok: false } : null;
}

/** Sends every waiting item; returns how many still wait. */
async function flushOutbox() {
  let waiting = 0;
  let sent = 0;
  for (const item of await store("readonly", (s) => s.getAll())) {
    if (item.answer) continue;
    const answer = await sendItem(item);
    if (answer) {
      await store("readwrite", (s) => s.put({ ...item, answer }));
      sent++;
    } else waiting++;
  }
  if (waiting) await askForSync();
  if (sent) for (const client of await self.clients.matchAll()) client.postMessage({ type: "outbox" });
  return waiting;
}
