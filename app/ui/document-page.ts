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

/**
 * The `clientLoader` of a page that is a document for some of its readers only: the server's data decides, by the
 * same rule as its `handle`. Where the rule says no, the page renders in the app as any other.
 */
export function loadAsDocumentWhen(rule: (data: unknown) => boolean) {
  return async (args: ClientLoaderFunctionArgs): Promise<unknown> => {
    const data = await args.serverLoader();
    return rule(data) ? loadAsDocument(args) : data;
  };
}

/**
 * A route's `handle.documentOnly`: always, or decided by its loader's data (a lesson is a document unless it carries
 * an interactive part).
 */
export type DocumentOnly = { documentOnly: true | ((data: unknown) => boolean) };

/** Whether a page (its matched routes' handles and data) is a plain document: no React scripts, no module preloads. */
export function isDocumentOnly(matches: { handle: unknown; data: unknown }[]): boolean {
  return matches.some(({ handle, data }) => {
    const rule = (handle as Partial<DocumentOnly> | undefined)?.documentOnly;
    return rule === true || (typeof rule === "function" && data != null && rule(data)); // no data: an error page
  });
}
