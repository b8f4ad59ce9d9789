/** The short idea registration ("ý tưởng đăng ký"): producers on /phuong-an, officers on /y-tuong. */
import { Form } from "@remix-run/react";
import { t } from "~/i18n/messages";
import "~/i18n/officer";
import { Field, SelectField, TextAreaField } from "~/ui/form";
import { OCOP_GROUPS } from "./steps";

type Props = {
  orgs: { value: string; label: string }[];
  errors: Record<string, string | undefined>;
  values: Record<string, string | undefined>;
  /** the action's intent, when the page's action does several things */
  intent?: string;
  /** from the loader: new after each registration, so a second tap is not a second idea */
  idempotencyKey: string;
};

/** Keyed by its idempotency key: after a registration the loader gives a new key and the form starts empty. */
export function IdeaForm({ orgs, errors, values, intent, idempotencyKey }: Props) {
  return (
    <Form method="post" className="stack" noValidate key={idempotencyKey}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SelectField label={t("plans.idea.producer")} name="orgId" error={errors.orgId} defaultValue={values.orgId} options={orgs} />
      <Field label={t("plans.idea.title")} name="title" error={errors.title} defaultValue={values.title} maxLength={200} />
      <SelectField
        label={t("plans.f.ocopGroup")}
        name="ocopGroup"
        error={errors.ocopGroup}
        defaultValue={values.ocopGroup}
        options={OCOP_GROUPS.map((g) => ({ value: g, label: t(`plans.group.${g}`) }))}
      />
      <TextAreaField
        label={t("plans.idea.description")}
        name="description"
        error={errors.description}
        defaultValue={values.description}
        maxLength={1000}
        rows={3}
      />
      <div>
        <button type="submit">{t("plans.idea.submit")}</button>
      </div>
    </Form>
  );
}
