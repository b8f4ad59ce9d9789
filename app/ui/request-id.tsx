import { createContext, useContext, useState } from "react";

/** This request's id (server.js sets it, entry.server provides it), for the 500 page. */
const RequestIdContext = createContext<string | null>(null);
export const RequestIdProvider = RequestIdContext.Provider;

/**
 * The id of the request that failed with `error`: on the server, this request's; in the browser,
 * the one the server wrote into the error page it sent, read while hydrating that page (so both
 * render the same). An error that arrives later, after a client-side navigation, has none: its
 * request was a data fetch whose id the page never saw.
 */
export function useRequestIdOf(error: unknown): string | null {
  const fromServer = useContext(RequestIdContext);
  const [first] = useState(() => ({ error, id: fromServer ?? renderedRequestId() }));
  return first.error === error ? first.id : null;
}

function renderedRequestId(): string | null {
  if (typeof document === "undefined") return null;
  return document.querySelector("[data-request-id]")?.getAttribute("data-request-id") ?? null;
}
