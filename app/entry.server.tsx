import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { applyCachePolicy } from "~/auth/cache-policy";
import { t } from "~/i18n/messages";
import { NonceProvider } from "~/ui/nonce";
import { RequestIdProvider } from "~/ui/request-id";

// server.js runs the overdue sweep on a schedule; it reaches app code through this module.
export { sweepOverdue } from "~/appraisal/overdue.server";
export { outboxJob } from "~/notifications/outbox.server";
export { digestJob } from "~/notifications/digest.server";

const ABORT_DELAY = 5_000;

/** The texts server.js answers with before a request reaches Remix (it reads them from the build). */
export const edgeMessages = { badOrigin: t("form.badOrigin"), tooLarge: t("form.tooLargeAtEdge") };

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") || "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={loadContext?.requestId ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          clearTimeout(timer);
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; the page shows the Vietnamese error boundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    function respond() {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      responseHeaders.append("Link", modulePreloads(remixContext));
      applyCachePolicy(request, responseHeaders);
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    }
  });
}

/**
 * The page's scripts as a Link header: a phone starts fetching them with the first bytes of the
 * response instead of after reading the whole page, where <Scripts> lists them (decision 0029).
 */
function modulePreloads({ manifest, staticHandlerContext }: EntryContext): string {
  const routes = staticHandlerContext.matches.map((match) => manifest.routes[match.route.id]).filter(Boolean);
  const files = new Set([manifest.entry.module, ...manifest.entry.imports, ...routes.flatMap((route) => [route.module, ...(route.imports ?? [])])]);
  return [...files].map((file) => `<${file}>; rel=modulepreload`).join(", ");
}

/** `.data` requests (client navigations, form posts with JavaScript) follow the pages' cache policy. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  applyCachePolicy(request, response.headers);
  return response;
}

/** Log unexpected server errors (never shown to users); aborted requests are not errors. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(error);
}
