import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId, useRef } from "react";

/** What an action returns for a form that did not validate (see app/forms/form.server.ts). */
export type ActionErrors = { ok: false; errors: Record<string, string>; values: Record<string, string> };

export function actionErrors(data: unknown): ActionErrors | undefined {
  return data && typeof data === "object" && "errors" in data ? (data as ActionErrors) : undefined;
}

/**
 * A key for a form that must start empty after each successful submit (with JavaScript the browser
 * keeps what was typed; without it the page is rendered anew anyway): it changes with every new
 * `{ ok: true }` action result and stays put on a failure, so the typed values stay to be fixed.
 */
export function useSuccessKey(result: unknown): number {
  const seen = useRef<{ last: unknown; count: number }>({ last: undefined, count: 0 });
  if (result !== seen.current.last) {
    seen.current.last = result;
    if (result && typeof result === "object" && (result as { ok?: unknown }).ok === true) seen.current.count++;
  }
  return seen.current.count;
}

type FieldShell = { label: string; error?: string; hint?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode };

function Shell({ label, error, hint, children }: FieldShell) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy })}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

export function Field({ label, error, hint, ...input }: InputProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
    </Shell>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

export function TextAreaField({ label, error, hint, ...input }: TextAreaProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
    </Shell>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ label, error, hint, options, ...select }: SelectProps) {
  return (
    <Shell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/** A form-level message (errors not tied to one field, or a success notice). */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  if (!children) return null;
  return (
    <p className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
