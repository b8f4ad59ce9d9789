import type { ReactNode } from "react";
import { t } from "~/i18n/messages";

/**
 * Components available inside the lesson MDX. They are rendered to static HTML at content-build
 * time; interactive ones (the score sheet) leave a marker that the lesson page replaces with a
 * live React "island" (see docs/decisions/0011-content-build.md).
 */
export const ISLAND_ATTR = "data-island";

const CALLOUT_TYPES = ["note", "warning", "example"] as const;
type CalloutType = (typeof CALLOUT_TYPES)[number];

export function Callout({ type = "note", title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  if (!CALLOUT_TYPES.includes(type)) throw new Error(`Callout: unknown type "${type}" (use note, warning or example)`);
  return (
    <aside className={`callout callout--${type}`}>
      <p className="callout__title">
        <span className="callout__kind">{t(`modules.callout.${type}`)}</span>
        {title ? ` · ${title}` : null}
      </p>
      <div className="callout__body">{children}</div>
    </aside>
  );
}

export function Term({ word, children }: { word: string; children: ReactNode }) {
  if (!word) throw new Error("Term: the `word` attribute is required");
  return (
    <dl className="term">
      <dt>
        <span className="tag">{t("modules.term.label")}</span> {word}
      </dt>
      <dd>{children}</dd>
    </dl>
  );
}

export function Figure({ src, alt, caption }: { src: string; alt: string; caption?: ReactNode }) {
  if (!src || !alt) throw new Error("Figure: `src` and `alt` are required");
  return (
    <figure className="figure">
      <img src={src} alt={alt} loading="lazy" />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}

/** Placeholder: the lesson page renders the interactive sheet here. */
export function ScoreSheet() {
  return <div {...{ [ISLAND_ATTR]: "score-sheet" }} />;
}

export const mdxComponents = { Callout, Term, Figure, ScoreSheet };
export const ISLANDS = ["score-sheet"] as const;
export type Island = (typeof ISLANDS)[number];
