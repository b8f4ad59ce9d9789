import type { MessageKey } from "~/i18n/messages";

export const ROLES = ["learner", "producer", "trainer", "consultant", "appraiser", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const roleLabelKey = (role: Role) => `role.${role}` as MessageKey;

/** A role a user holds within an administrative unit (and so within all units below it). */
export type RoleGrant = { role: Role; unitId: number; unitPath: string; unitName: string; unitLevel: UnitLevel };
