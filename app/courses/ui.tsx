import { useId } from "react";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { Field, FieldGroup, SelectField, TextAreaField } from "~/ui/form";

export type Option = { value: string; label: string };
export type ModuleChoice = { slug: string; title: string; position: string };

/**
 * The class's details, audience and modules (the create page and the settings page). Each module has one
 * select: "not taught" or its place in the class, so choosing and ordering work without JavaScript.
 */
export function ClassFields({
  v,
  e,
  units,
  modules,
  audience,
}: {
  v: Record<string, string | undefined>;
  e: Record<string, string | undefined>;
  units: Option[];
  modules: ModuleChoice[];
  audience: readonly string[];
}) {
  const places: Option[] = [{ value: "", label: t("classes.field.notTaught") }, ...modules.map((_, i) => ({ value: String(i + 1), label: String(i + 1) }))];
  const audienceId = useId();
  return (
    <>
      <Field label={t("classes.field.title")} name="title" required defaultValue={v.title} error={e.title} />
      <Field
        label={t("classes.field.code")}
        name="code"
        required
        defaultValue={v.code}
        error={e.code}
        hint={t("classes.field.codeHint")}
        autoCapitalize="characters"
      />
      <SelectField label={t("classes.field.unit")} name="unitId" defaultValue={v.unitId} error={e.unitId} options={units} />
      <Field label={t("classes.field.startsOn")} name="startsOn" type="date" required defaultValue={v.startsOn} error={e.startsOn} />
      <Field label={t("classes.field.endsOn")} name="endsOn" type="date" required defaultValue={v.endsOn} error={e.endsOn} />
      <Field label={t("classes.field.place")} name="place" defaultValue={v.place} error={e.place} />
      <Field
        label={t("classes.field.capacity")}
        name="capacity"
        inputMode="numeric"
        defaultValue={v.capacity}
        error={e.capacity}
        hint={t("classes.field.capacityHint")}
      />
      <TextAreaField label={t("classes.field.description")} name="description" rows={3} defaultValue={v.description} error={e.description} />
      <div className={e.audience ? "field field--invalid" : "field"}>
        <label htmlFor={audienceId}>{t("classes.field.audience")}</label>
        <p className="field__hint" id={`${audienceId}-hint`}>
          {t("classes.field.audienceHint")}
        </p>
        <select
          id={audienceId}
          name="audience"
          multiple
          size={Math.min(8, Math.max(3, units.length))}
          defaultValue={[...audience]}
          aria-describedby={`${audienceId}-hint${e.audience ? ` ${audienceId}-error` : ""}`}
          aria-invalid={e.audience ? true : undefined}
        >
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
        {e.audience ? (
          <p className="field__error" id={`${audienceId}-error`} role="alert">
            {e.audience}
          </p>
        ) : null}
      </div>
      <FieldGroup legend={t("classes.field.modules")} hint={t("classes.field.modulesHint")} error={e.modules}>
        {modules.map((m) => (
          <SelectField key={m.slug} label={m.title} name={`position.${m.slug}`} defaultValue={v[`position.${m.slug}`] ?? m.position} options={places} />
        ))}
      </FieldGroup>
    </>
  );
}
