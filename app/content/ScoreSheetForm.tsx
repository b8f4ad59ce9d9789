import { Form } from "@remix-run/react";
import { useState } from "react";
import { t } from "~/i18n/messages";
import { PART_SHEET } from "~/ocop/part-sheet";
import { readPoints, scoreLessonSheet } from "./score-sheet";

export type SheetAnswer = { values: Record<string, string>; total?: number; stars?: number; errors?: Record<string, string> };

/**
 * The interactive OCOP score sheet inside the lesson. Without JavaScript it is a plain form
 * posted to the lesson's action, which answers with the same `scoreSheet` result; with
 * JavaScript the totals update while typing, from the same function.
 */
export function ScoreSheetForm({ answer }: { answer?: SheetAnswer }) {
  const [values, setValues] = useState<Record<string, string>>(answer?.values ?? {});
  const [typed, setTyped] = useState(false);
  const live = scoreLessonSheet(values);
  const partSum = (id: string) => {
    const v = readPoints(values[id]);
    return v !== undefined && Number.isFinite(v) ? v : null;
  };
  const errors = typed ? (live.ok ? {} : Object.fromEntries(Object.entries(live.errors).filter(([k]) => values[k]?.trim()))) : (answer?.errors ?? {});
  const total = typed ? (live.ok ? live.result.total : undefined) : answer?.total;
  const stars = typed ? (live.ok ? live.result.stars : undefined) : answer?.stars;
  return (
    <section className="score-sheet card" aria-labelledby="score-sheet-title">
      <h2 id="score-sheet-title">{t(PART_SHEET.title)}</h2>
      <p className="muted">{t("modules.sheet.hint")}</p>
      <Form method="post" preventScrollReset noValidate>
        <input type="hidden" name="intent" value="score" />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("modules.sheet.part")}</th>
                <th scope="col">{t("modules.sheet.points")}</th>
                <th scope="col">{t("modules.sheet.max")}</th>
              </tr>
            </thead>
            <tbody>
              {PART_SHEET.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <label htmlFor={`sheet-${c.id}`}>{t(c.label)}</label>
                  </th>
                  <td>
                    <input
                      id={`sheet-${c.id}`}
                      name={c.id}
                      inputMode="decimal"
                      autoComplete="off"
                      size={5}
                      value={values[c.id] ?? ""}
                      aria-invalid={errors[c.id] ? true : undefined}
                      aria-describedby={errors[c.id] ? `sheet-${c.id}-error` : undefined}
                      onChange={(e) => {
                        setTyped(true);
                        setValues((v) => ({ ...v, [c.id]: e.target.value }));
                      }}
                    />
                    {errors[c.id] ? (
                      <p className="field__error" id={`sheet-${c.id}-error`}>
                        {errors[c.id]}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    {partSum(c.id) ?? "—"}/{c.max}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("modules.sheet.total")}</th>
                <td data-testid="sheet-total">{total ?? "—"}</td>
                <td>100</td>
              </tr>
              <tr>
                <th scope="row">{t("modules.sheet.stars")}</th>
                <td data-testid="sheet-stars" colSpan={2}>
                  {stars ? `${"★".repeat(stars)} ${t("modules.sheet.starsValue", { stars })}` : "—"}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p role="status" className="score-sheet__result">
          {total !== undefined && stars ? t("modules.sheet.result", { total, stars }) : t("modules.sheet.incomplete")}
        </p>
        <p className="muted">{t("modules.sheet.recognised")}</p>
        <button type="submit">{t("modules.sheet.submit")}</button>
      </Form>
    </section>
  );
}
