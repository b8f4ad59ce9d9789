// Production server: Express around the Remix build, so every request gets a request id and a
// log line, compression, the client's address (rate limits), a CSP nonce and security headers in
// one place. `npm start` runs it; README "Deploying" says how to run it behind nginx.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bodyLimit } from "./server/body-limit.js";
import { createLogger, requestLog } from "./server/request-log.js";
import { handlerPerPathShape } from "./server/route-segments.js";
import { every } from "./server/schedule.js";
import { closeGracefully } from "./server/shutdown.js";
import { staticFiles } from "./server/static-files.js";
import { parseTrustProxy } from "./server/trust-proxy.js";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const logger = createLogger();
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const build = await import(path.resolve("build/index.js"));
const { edgeMessages } = build.entry.module; // the catalogue's texts for the answers given here

// Missed appraisal deadlines are written here, never by a page read (pages derive them from the
// deadline; docs/decisions/0024). The build's entry module carries the function.
const sweepMs = Number(process.env.OVERDUE_SWEEP_MS || 60_000);
if (!(sweepMs >= 1000)) throw new Error(`OVERDUE_SWEEP_MS must be a number of milliseconds, at least 1000 (got ${process.env.OVERDUE_SWEEP_MS})`);
const sweep = every(sweepMs, () => build.entry.module.sweepOverdue(), { logger, name: "overdue" });
// the first sweep also opens the database: done before the first request, not racing it
await sweep.started;
// The outbox (email) and the daily digest: sending is never in a request's path (docs/decisions/0035). The job
// runner takes these over; until then they run here, each at its `everyMs` (OUTBOX_MS for the outbox, default 5 s).
const { outboxJob, digestJob } = build.entry.module;
const outbox = every(outboxJob.everyMs, () => outboxJob.run(), { logger, name: outboxJob.name });
const digest = every(digestJob.everyMs, () => digestJob.run(), { logger, name: digestJob.name });

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (TRUST_PROXY=1, or its addresses): req.ip, req.protocol and the host
// come from X-Forwarded-*, so https is seen as https (Origin check, Secure cookie, HSTS).
app.set("trust proxy", trustProxy);

app.use(requestLog(logger, { trustIncomingId: trustProxy !== false }));
// br or gzip on the fly for documents, .data and other text; already-compressed types (XLSX,
// PNG) are left alone by compression's type filter; streamed HTML is flushed chunk by chunk.
app.use(compression());

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
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

const server = app.listen(port, host, () => {
  logger.info({ port: server.address().port }, `OCOP LMS: http://localhost:${server.address().port}`);
  // `npm run dev` (remix dev) restarts this server on each rebuild and waits for this signal.
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

const shutdown = closeGracefully(server, {
  logger,
  timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000),
  // The schedule first (a sweep in flight finishes), then the build's one Prisma client
  // (app/db/db.server.ts keeps it on globalThis).
  closeDatabase: async () => {
    await Promise.all([sweep.stop(), outbox.stop(), digest.stop()]);
    await globalThis.__ocopDb?.$disconnect();
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, shutdown);
