import { useId } from "react";
import { t } from "~/i18n/messages";

/** The download pair of every export: Excel first (the default), CSV with a word on what it is for. */
export function Downloads({ xlsx, csv }: { xlsx: string; csv: string }) {
  const hint = useId();
  return (
    <div className="downloads">
      <p className="toolbar">
        <a className="button" href={xlsx} download>
          {t("exports.xlsx")}
        </a>
        <a className="button button--ghost" href={csv} download aria-describedby={hint}>
          {t("exports.csv")}
        </a>
      </p>
      <p className="field__hint" id={hint}>
        {t("exports.hint")}
      </p>
    </div>
  );
}
