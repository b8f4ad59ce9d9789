// The web process: Express around the Remix build, so every request gets a request id and a
// log line, compression, the client's address (rate limits), a CSP nonce and security headers in
// one place. server.js runs it once, or once per worker (server/cluster.js).
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bodyLimit } from "./body-limit.js";
import { nonceSource } from "./csp-nonce.js";
import { createLogger, requestLog } from "./request-log.js";
import { handlerPerPathShape } from "./route-segments.js";
import { closeGracefully } from "./shutdown.js";
import { staticFiles } from "./static-files.js";
import { oneRequestPerTurn } from "./request-turns.js";
import { parseTrustProxy } from "./trust-proxy.js";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const logger = createLogger();
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const build = await import(path.resolve("build/index.js"));
const { edgeMessages } = build.entry.module; // the catalogue's texts for the answers given here

// Scheduled work (overdue marking, reminders, expiries, cleanups) runs here, never in a page read,
// each job in one process at a time by a lease in the database (app/jobs, docs/decisions/0037).
const jobs = build.entry.module.startJobs(logger);
// the first look at the jobs also opens the database: done before the first request, not racing it
await jobs.started;

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (TRUST_PROXY=1, or its addresses): req.ip, req.protocol and the host
// come from X-Forwarded-*, so https is seen as https (Origin check, Secure cookie, HSTS).
app.set("trust proxy", trustProxy);

app.use(requestLog(logger, { trustIncomingId: trustProxy !== false }));
// br or gzip on the fly for documents, .data and other text; already-compressed types (XLSX,
// PNG) are left alone by compression's type filter; a page arrives whole (decision 0048).
app.use(compression());

const nextNonce = nonceSource();
app.use((req, res, next) => {
  const nonce = nextNonce();
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

// Mutations must come from our own pages (the guard checks again in every action). Refused
// here so a foreign Origin gets a clear 403 rather than reaching Remix's own host check (a 500).
// Our origin is the one Remix builds the request URL from (protocol and host as the proxy saw them).
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE.has(req.method)) return next();
  const origin = req.get("origin");
  if ((origin && origin !== publicOrigin(req)) || (!origin && req.get("sec-fetch-site") === "cross-site")) {
    res.status(403).type("text/plain; charset=utf-8").send(edgeMessages.badOrigin);
    return;
  }
  next();
});
app.use(bodyLimit(edgeMessages.tooLarge));
// a connection made while the server is busy is accepted between two requests, not after a turn of all of
// them; after the body cap, which must see a chunked body's first bytes as they come
app.use(oneRequestPerTurn());

app.use(staticFiles("public"));

// One Remix handler per shape of path, each over the few routes such a path can reach, so route
// matching ranks a handful of routes instead of all of them (server/route-segments.js).
app.all(
  "*",
  handlerPerPathShape(build, (routesOfPath) =>
    createRequestHandler({
      build: routesOfPath,
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res) => ({
        clientIp: req.ip || "unknown",
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
      }),
    }),
  ),
);

/** scheme://host[:port], built the way @remix-run/express builds request.url. */
function publicOrigin(req) {
  const portOf = (host) => Number.parseInt(host?.split(":")[1] ?? "", 10) || undefined;
  const port = portOf(req.get("x-forwarded-host")) ?? portOf(req.get("host"));
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}`;
}

// A hall's phones connect at the same second: Node's default queue of 511 connections not yet accepted
// drops the rest, whose phones retry after 1, 3, 7 s (the kernel caps it at net.core.somaxconn).
const BACKLOG = 4096;
const server = app.listen(port, host, BACKLOG, () => {
  logger.info({ port: server.address().port }, `OCOP LMS: http://localhost:${server.address().port}`);
  // `npm run dev` (remix dev) restarts this server on each rebuild and waits for this signal.
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

const shutdown = closeGracefully(server, {
  logger,
  timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000),
  // The jobs first (a run in flight finishes and releases its lease), then the build's one Prisma
  // client (app/db/db.server.ts keeps it on globalThis).
  closeDatabase: async () => {
    await jobs.stop();
    await globalThis.__ocopDb?.$disconnect();
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, shutdown);
