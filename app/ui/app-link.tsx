import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { type ReactNode, createContext, useContext } from "react";

/**
 * Whether the page being rendered is a plain document (docs/decisions/0057); the root layout sets it. A document never
 * routes in the browser, so its links are anchors and its forms plain forms: Remix's Link and Form resolve their path,
 * read the router and set up prefetching or submission on every render for nothing there (decisions 0061, 0063).
 */
export const DocumentOnlyContext = createContext(false);

/** A path in the app (`/…`) or a query on the current page (`?…`): an anchor's href means the same as a Link's `to`. */
export type AppPath = `/${string}` | `?${string}`;

type AppLinkProps = { to: AppPath; className?: string; title?: string; "aria-label"?: string; children: ReactNode };

/** Remix's Link in a React page, an anchor in a plain document. */
export function AppLink({ to, children, ...props }: AppLinkProps) {
  return useContext(DocumentOnlyContext) ? (
    <a href={to} {...props}>
      {children}
    </a>
  ) : (
    <Link to={to} {...props}>
      {children}
    </Link>
  );
}

/** Remix's NavLink in a React page; in a plain document an anchor marked as NavLink marks the current page. */
export function AppNavLink({ to, end = false, children }: { to: `/${string}`; end?: boolean; children: ReactNode }) {
  const documentOnly = useContext(DocumentOnlyContext);
  const { pathname } = useLocation();
  if (!documentOnly)
    return (
      <NavLink to={to} end={end}>
        {children}
      </NavLink>
    );
  const current = isCurrentPath(pathname, to, end);
  return (
    <a href={to} className={current ? "active" : undefined} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}

/** NavLink's rule: the same path, or (unless `end`) a path below it; letter case aside, as the routes match. */
export function isCurrentPath(pathname: string, to: string, end: boolean): boolean {
  const here = pathname.toLowerCase().replace(/(.)\/+$/, "$1");
  const target = to.toLowerCase().replace(/(.)\/+$/, "$1");
  if (here === target) return true;
  return !end && target !== "/" && here.startsWith(target) && here.charAt(target.length) === "/";
}

type AppFormProps = {
  /** Where it posts; without one, to the page it is on (as Remix's Form, and as a plain form does). */
  action?: `/${string}`;
  className?: string;
  noValidate?: boolean;
  children: ReactNode;
} & { [data: `data-${string}`]: string | boolean | undefined };

/** Remix's Form (method post) in a React page, a plain form in a plain document, where the browser posts it. */
export function AppForm({ children, ...props }: AppFormProps) {
  return useContext(DocumentOnlyContext) ? (
    <form method="post" {...props}>
      {children}
    </form>
  ) : (
    <Form method="post" {...props}>
      {children}
    </Form>
  );
}
