import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { applyCachePolicy } from "~/auth/cache-policy";
import { t } from "~/i18n/messages";
import { isDocumentOnly } from "~/ui/document-page";
import { NonceProvider } from "~/ui/nonce";
import { RequestIdProvider } from "~/ui/request-id";

// server.js starts the job runner (app/jobs: overdue marking, reminders, expiries); it reaches app code through this module.
export { startJobs } from "~/jobs/registry.server";

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
  const page = (
    <NonceProvider value={nonce}>
      <RequestIdProvider value={loadContext?.requestId ?? null}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </RequestIdProvider>
    </NonceProvider>
  );
  const documentOnly = isDocumentOnlyPage(remixContext);
  const answer = (body: ConstructorParameters<typeof Response>[0]) => {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    if (!documentOnly) responseHeaders.append("Link", modulePreloads(remixContext));
    applyCachePolicy(request, responseHeaders);
    return new Response(body, { headers: responseHeaders, status: responseStatusCode });
  };
  // A plain document (decision 0057) has no <Scripts>, so nothing in it waits for data: it is rendered to one
  // string at once, without the stream a React page needs for its data (decision 0059).
  // As bytes: a string body is checked for lone surrogates and encoded by the Response in JavaScript.
  if (documentOnly) return answer(Buffer.from(`<!DOCTYPE html>${renderToString(page)}`));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onAllReady() {
        respond();
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell are logged here; the page shows the Vietnamese error boundary.
        if (shellRendered) console.error(error);
      },
    });
    // No page defers data, so nothing suspends and a render cannot hang: it is given up only when the client
    // leaves. A deadline would turn a page that waits its turn in a busy hall into an error page (decision 0052).
    request.signal.addEventListener("abort", () => abort(), { once: true });
    // The whole page is ready when its shell is: it is sent as one body
    // (one write to the socket, one piece for compression) rather than streamed in many small
    // chunks through a Node and a web stream (decision 0048).
    function respond() {
      shellRendered = true;
      const chunks: Buffer[] = [];
      const body = new Writable({
        // no 'close' once finished: React takes a close for a client that left and aborts the finished render
        emitClose: false,
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
        final(done) {
          resolve(answer(Buffer.concat(chunks)));
          done();
        },
      });
      pipe(body);
    }
  });
}

/**
 * The page's scripts as a Link header: a phone starts fetching them with the first bytes of the
 * response instead of after reading the whole page, where <Scripts> lists them (decision 0029).
 */
function modulePreloads({ manifest, staticHandlerContext: { matches } }: EntryContext): string {
  const routes = matches.map((match) => manifest.routes[match.route.id]).filter(Boolean);
  const files = new Set([manifest.entry.module, ...manifest.entry.imports, ...routes.flatMap((route) => [route.module, ...(route.imports ?? [])])]);
  return [...files].map((file) => `<${file}>; rel=modulepreload`).join(", ");
}

/** A plain document (decision 0057): it loads none of the page's scripts. */
function isDocumentOnlyPage({ staticHandlerContext: { matches, loaderData }, routeModules }: EntryContext): boolean {
  return isDocumentOnly(matches.map((match) => ({ handle: routeModules[match.route.id]?.handle, data: loaderData[match.route.id] })));
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
