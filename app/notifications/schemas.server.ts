import { z } from "zod";
import { t } from "~/i18n/messages";
import "~/i18n/notifications";
import { PREFERENCE_KINDS, type PreferenceKind } from "./choices";

const kinds = PREFERENCE_KINDS as [PreferenceKind, ...PreferenceKind[]];

/** The account page's email choices: the kinds ticked (none ticked: the field is absent). */
export const emailPreferencesSchema = z.object({
  intent: z.literal("emailPreferences"),
  email: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(kinds, { error: t("form.invalidChoice") })).max(kinds.length)),
});

/** The unsubscribe link's `?ma=` (checked against its signature by the capability). */
export const unsubscribeQuery = z.object({ ma: z.string({ error: t("notify.unsubscribe.invalid") }).max(120, t("notify.unsubscribe.invalid")) });
