import { z } from "zod";
import { id, many, text } from "~/forms/fields.server";
import { t } from "~/i18n/messages";

/** The class certificates page's actions (server only: zod stays out of the browser, see docs/decisions/0019). */
export const classCertificatesActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("rule"),
    minAttendancePercent: z
      .string({ error: t("cert.manage.minAttendanceInvalid") })
      .trim()
      .regex(/^\d{1,3}$/, t("cert.manage.minAttendanceInvalid"))
      .transform(Number)
      .refine((n) => n <= 100, t("cert.manage.minAttendanceInvalid")),
    modules: many(z.string().max(80)),
  }),
  z.object({ intent: z.literal("issue") }),
  z.object({
    intent: z.literal("revoke"),
    userIds: many(id()).refine((ids) => ids.length > 0, t("cert.manage.noneSelected")),
    reason: text(300),
  }),
]);
