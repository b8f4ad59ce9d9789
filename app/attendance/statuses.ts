import "~/i18n/checkin";
import type { MessageKey } from "~/i18n/messages";

/** Attendance statuses: có mặt, đi muộn, vắng có phép, vắng. */
export const STATUSES = ["PRESENT", "LATE", "EXCUSED", "ABSENT"] as const;
export type AttendanceStatus = (typeof STATUSES)[number];

export const statusLabelKey = (s: AttendanceStatus) => `att.status.${s}` as MessageKey;

/** Present or late counts as attended. */
export const attended = (s: string | null | undefined) => s === "PRESENT" || s === "LATE";

/** Learner categories (đối tượng) a roster may name. */
export const CATEGORIES = ["DISTRICT_OFFICER", "COMMUNE_OFFICER", "PRODUCER", "CONSULTANT", "OTHER"] as const;
export type Category = (typeof CATEGORIES)[number];
