import { type LinksFunction, type LoaderFunctionArgs, data } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { getAuth } from "~/auth/guard.server";
import { roleLabelKey } from "~/auth/roles";
import { t } from "~/i18n/messages";
import { AppForm, AppLink, AppNavLink, DocumentOnlyContext } from "~/ui/app-link";
import { isDocumentOnly } from "~/ui/document-page";
import { navigationFor } from "~/ui/navigation.server";
import { useNonce } from "~/ui/nonce";
import { useRequestIdOf } from "~/ui/request-id";
import styles from "~/styles/app.css";

export const access = PUBLIC;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await getAuth(request, context);
  const user = auth
    ? {
        fullName: auth.user.fullName,
        roles: [...new Set(auth.user.grants.map((g) => t(roleLabelKey(g.role))))],
        nav: navigationFor(auth.user.grants).map((item) => ({ to: item.to, label: t(item.label), group: item.group ?? null })),
        unread: auth.unread,
      }
    : null;
  const headers = auth?.refreshedCookie ? { "Set-Cookie": auth.refreshedCookie } : undefined;
  return data({ user }, { headers });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user ?? null;
  // A page that is a plain document (docs/decisions/0057) gets no React: no hydration, no route modules.
  const matches = useMatches();
  const documentOnly = typeof document === "undefined" && isDocumentOnly(matches);
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f6f43" />
        <Meta />
        <Links />
      </head>
      <body>
        <DocumentOnlyContext.Provider value={documentOnly}>
          <a className="skip-link" href="#main">
            {t("app.skipToContent")}
          </a>
          <header className="site-header">
            <div className="site-header__inner">
              <AppLink to="/" className="brand">
                <span className="brand__mark" aria-hidden="true">
                  ★
                </span>
                <span>
                  <strong>{t("app.name")}</strong>
                  <small>{t("app.tagline")}</small>
                </span>
              </AppLink>
              {user ? (
                <div className="menu">
                  <nav aria-label={t("nav.menu")}>
                    <ul>
                      {user.nav
                        .filter((item) => !item.group)
                        .map((item) => (
                          <li key={item.to}>
                            <AppNavLink to={item.to} end={item.to === "/"}>
                              {item.label}
                            </AppNavLink>
                          </li>
                        ))}
                      {user.nav.some((item) => item.group) ? (
                        <li className="menu__group">
                          {/* a disclosure: opens and closes without JavaScript */}
                          <details>
                            <summary>{t("nav.admin")}</summary>
                            <ul>
                              {user.nav
                                .filter((item) => item.group)
                                .map((item) => (
                                  <li key={item.to}>
                                    <AppNavLink to={item.to}>{item.label}</AppNavLink>
                                  </li>
                                ))}
                            </ul>
                          </details>
                        </li>
                      ) : null}
                    </ul>
                  </nav>
                  <div className="menu__user">
                    <AppLink to="/thong-bao" className="menu__bell" aria-label={t("appraisal.unread", { count: user.unread })}>
                      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <path
                          fill="currentColor"
                          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
                        />
                      </svg>
                      {user.unread ? <span className="badge">{user.unread}</span> : null}
                    </AppLink>
                    <span>
                      {user.fullName}
                      <small>{user.roles.join(", ")}</small>
                    </span>
                    <AppForm action="/dang-xuat">
                      <button type="submit" className="button button--ghost">
                        {t("nav.logout")}
                      </button>
                    </AppForm>
                  </div>
                </div>
              ) : (
                <nav className="menu menu--anonymous" aria-label={t("nav.menu")}>
                  <AppLink to="/dang-nhap">{t("nav.login")}</AppLink>
                </nav>
              )}
            </div>
          </header>
          <main id="main" className="main">
            {children}
          </main>
          <footer className="site-footer">{t("app.office")}</footer>
        </DocumentOnlyContext.Provider>
        {documentOnly ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
        {/* the service worker only adds (docs/decisions/0046): installed once the page has loaded */}
        <script nonce={nonce} src="/sw-register.js" defer />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function meta() {
  return [{ title: t("app.name") }];
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const requestId = useRequestIdOf(error);
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : status >= 400 && status < 500
          ? [t("error.badRequest.title"), isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : ""]
          : [t("error.generic.title"), t("error.generic.body")];
  return (
    <section className="error-page">
      <p className="error-page__code">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      {status >= 500 && requestId ? (
        <p className="error-page__request" data-request-id={requestId}>
          {t("error.requestId")} <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
