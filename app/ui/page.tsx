import type { ReactNode } from "react";
import { AppLink, type AppPath } from "~/ui/app-link";

/** The way back to the page above this one, first on the page. */
export function BackLink({ to, children, className }: { to: AppPath; children: ReactNode; className?: string }) {
  return (
    <p className={className}>
      <AppLink className="back-link" to={to}>
        ← {children}
      </AppLink>
    </p>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children}
    </header>
  );
}

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
