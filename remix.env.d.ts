/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/server-runtime";

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address as the server saw it (see server.js); used by rate limits. */
    clientIp: string;
    /** Per-response nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** This request's id (X-Request-Id, the log line), shown on the 500 page. */
    requestId?: string;
  }
}
