// One JSON line per request (pino): method, path, status, duration and request id — nothing a
// user typed or holds: no query string, no headers, no cookies, no body, no address.
import crypto from "node:crypto";
import pino from "pino";

export function createLogger(options = {}) {
  // BENCH=1: the bench harness does not read the server's output; a full pipe would stall it.
  const level = process.env.LOG_LEVEL || (process.env.BENCH === "1" ? "warn" : "info");
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, ...options });
}

// Path segments that are themselves secrets (a certificate's verification code opens the
// holder's certificate), logged as a placeholder.
const SECRET_SEGMENT_AFTER = new Set(["chung-nhan", "giay-chung-nhan"]);

/** The path as logged: no query string, secret segments replaced. */
export function loggedPath(originalUrl) {
  const pathname = originalUrl.split("?")[0];
  const segments = pathname.split("/");
  for (let i = 1; i < segments.length; i++) {
    if (SECRET_SEGMENT_AFTER.has(segments[i - 1]) && segments[i]) segments[i] = segments[i].endsWith(".data") ? ":code.data" : ":code";
  }
  return segments.join("/");
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives each request an id (X-Request-Id on the response, `res.locals.requestId` for the 500
 * page) and logs it when the response is done. A trusted proxy's own id (nginx's $request_id)
 * is kept so both logs share it.
 */
export function requestLog(logger, { trustIncomingId = false } = {}) {
  return (req, res, next) => {
    const incoming = trustIncomingId ? req.get("x-request-id") : undefined;
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    let logged = false;
    const log = (finished) => {
      if (logged) return;
      logged = true;
      const line = {
        requestId,
        method: req.method,
        path: loggedPath(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      if (!finished) line.aborted = true; // the connection closed before the response was sent
      logger[res.statusCode >= 500 ? "error" : "info"](line, "request");
    };
    logger.debug({ requestId, method: req.method, path: loggedPath(req.originalUrl) }, "request start");
    res.once("finish", () => log(true));
    res.once("close", () => log(false));
    next();
  };
}
