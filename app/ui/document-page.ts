import type { ClientLoaderFunctionArgs } from "@remix-run/react";

/**
 * The `clientLoader` of a page that is a plain document (docs/decisions/0057): a navigation inside
 * the app that reaches it loads it as a document instead of rendering it with React, so the page
 * always runs as the server sent it, with its own small script.
 */
export function loadAsDocument({ request }: ClientLoaderFunctionArgs): Promise<never> {
  window.location.assign(request.url);
  return new Promise(() => undefined);
}

/** Whether a page (the handles of its matched routes) is a plain document: no React scripts, no module preloads. */
export const isDocumentOnly = (handles: unknown[]) => handles.some((handle) => (handle as { documentOnly?: boolean } | undefined)?.documentOnly === true);
