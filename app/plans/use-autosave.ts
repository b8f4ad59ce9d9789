/**
 * Autosave of a plan step's form: a change posts the whole form (`intent=autosave`) through a fetcher
 * after a pause in typing, with the version the browser last saw, to the same action as the explicit
 * save (docs/decisions/0014).
 *
 * Concurrency rule: one autosave in flight at a time. A save due while one is in flight is queued and
 * sent once that one answers, then carrying the version it returned, so the browser never races
 * itself into a conflict. The version only moves forward (an older answer is ignored); an explicit
 * save cancels the queued autosave, as it posts the same form itself. Whether a save is in flight is
 * read from a ref: the pause timer runs a callback from an earlier render, whose fetcher state is stale.
 */
import { useFetcher } from "@remix-run/react";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

/** What the step action answers that the autosave reads. */
export type SaveAnswer = { ok: true; version: number; savedAt: string } | { ok: false };

const PAUSE_MS = 1200;

export function useAutosave<Answer extends SaveAnswer>({
  formRef,
  version: loadedVersion,
  savedAt: loadedSavedAt,
  posted,
}: {
  formRef: RefObject<HTMLFormElement>;
  /** the stored version and time the page was loaded with */
  version: number;
  savedAt: string | null;
  /** the explicit save's answer, which also moves the version on */
  posted: Answer | undefined;
}) {
  const fetcher = useFetcher();
  const answer = fetcher.data as Answer | undefined;
  const [version, setVersion] = useState(loadedVersion);
  const versionRef = useRef(loadedVersion);
  const [savedAt, setSavedAt] = useState<string | null>(loadedSavedAt);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const due = useRef(false); // a change waits for its pause to end
  const queued = useRef(false);
  const inFlight = useRef(false);

  useEffect(() => {
    for (const r of [posted, answer]) {
      if (r && r.ok && r.version > versionRef.current) {
        versionRef.current = r.version;
        setVersion(r.version);
        setSavedAt(r.savedAt);
        if (r === answer && !due.current && !queued.current) setDirty(false);
      }
    }
  }, [posted, answer]);

  const send = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    const fd = new FormData(form);
    fd.set("intent", "autosave");
    fd.set("version", String(versionRef.current));
    fd.delete("overwriteVersion");
    fetcher.submit(fd, { method: "post" });
  }, [fetcher, formRef]);

  useEffect(() => {
    inFlight.current = fetcher.state !== "idle";
    if (!inFlight.current && queued.current) {
      queued.current = false;
      send();
    }
  }, [fetcher.state, send]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    /** the version the next save names as expected */
    version,
    savedAt,
    dirty,
    saving: fetcher.state !== "idle",
    /** the last autosave's answer (errors, a conflict) */
    answer,
    /** the form changed: save after a pause in typing */
    changed() {
      setDirty(true);
      clearTimeout(timer.current);
      due.current = true;
      timer.current = setTimeout(() => {
        due.current = false;
        send();
      }, PAUSE_MS);
    },
    /** an explicit save is being posted: drop the autosave due */
    cancel() {
      clearTimeout(timer.current);
      due.current = false;
      queued.current = false;
    },
  };
}
