import { t } from "~/i18n/messages";

/** A labelled progress bar (text first, so it reads without CSS too). */
export function ProgressBar({ done, total, percent, label }: { done: number; total: number; percent: number; label: string }) {
  return (
    <div className="progress">
      <span className="progress__text">{t("modules.progress.label", { done, total, percent })}</span>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
