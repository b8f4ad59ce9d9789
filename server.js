// Production server: Express around the Remix build, so every request gets a client IP
// (rate limits), a CSP nonce and security headers in one place. `npm start` runs it.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import express from "express";
import { bodyLimit } from "./server/body-limit.js";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const buildPath = path.resolve("build/index.js");
const build = await import(buildPath);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY=1 so req.ip and https come from X-Forwarded-*.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

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
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
app.use((req, res, next) => {
  if (SAFE.has(req.method)) return next();
  const origin = req.get("origin");
  const ours = `${req.protocol}://${req.get("host")}`;
  if ((origin && origin !== ours) || (!origin && req.get("sec-fetch-site") === "cross-site")) {
    res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.");
    return;
  }
  next();
});
app.use(bodyLimit());

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV === "development" ? "development" : "production",
    getLoadContext: (req, res) => ({ clientIp: req.ip || "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`OCOP LMS: http://localhost:${port}`);
  // `npm run dev` (remix dev) restarts this server on each rebuild and waits for this signal.
  if (process.env.REMIX_DEV_ORIGIN) broadcastDevReady(build);
});

// Let in-flight requests finish on a normal stop.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
