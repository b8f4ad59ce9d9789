import { appraisalPermissions } from "~/appraisal/permissions";
import { attendancePermissions } from "~/attendance/permissions";
import { type Access, SIGNED_IN, allows } from "~/auth/access";
import type { RoleGrant } from "~/auth/roles";
import { certificatePermissions } from "~/certificates/permissions";
import { modulePermissions } from "~/content/permissions";
import type { MessageKey } from "~/i18n/messages";
import { planPermissions } from "~/plans/permissions";
import { unitPermissions } from "~/units/permissions";
import { userPermissions } from "~/users/permissions";

/** `group`: shown inside the "Quản trị" disclosure, so an admin's menu fits one or two lines on an office screen. */
export type NavItem = { to: `/${string}`; label: MessageKey; group?: "admin" };

/**
 * Navigation from the permission tables: each item names the rule of the page it opens (the page
 * exports the same rule as its `access`), so a menu never offers a page its rule refuses.
 */
const ITEMS: { item: NavItem; access: Access }[] = [
  { item: { to: "/", label: "nav.home" }, access: SIGNED_IN },
  { item: { to: "/khoa-hoc", label: "nav.courses" }, access: modulePermissions.study },
  { item: { to: "/phuong-an", label: "plans.nav" }, access: planPermissions.viewPlans },
  { item: { to: "/tham-dinh", label: "appraisal.nav" }, access: appraisalPermissions.appraise },
  { item: { to: "/y-tuong", label: "plans.idea.nav" }, access: planPermissions.unitIdeas },
  { item: { to: "/thong-ke/tham-dinh", label: "appraisal.navStats" }, access: appraisalPermissions.statistics },
  { item: { to: "/ket-qua-danh-gia", label: "appraisal.result.title", group: "admin" }, access: appraisalPermissions.recordResult },
  { item: { to: "/quan-tri/nguoi-dung", label: "nav.users", group: "admin" }, access: userPermissions.manageUsers },
  { item: { to: "/quan-tri/don-vi", label: "nav.units", group: "admin" }, access: unitPermissions.manageUnits },
  { item: { to: "/quan-tri/cai-dat", label: "nav.settings", group: "admin" }, access: unitPermissions.manageSettings },
  { item: { to: "/diem-danh", label: "nav.checkin" }, access: attendancePermissions.checkIn },
  { item: { to: "/chung-nhan-cua-toi", label: "nav.certificates" }, access: certificatePermissions.own },
  { item: { to: "/tai-khoan", label: "nav.account" }, access: SIGNED_IN },
  // the public verification page, offered to those who issue certificates
  { item: { to: "/chung-nhan", label: "nav.verify" }, access: certificatePermissions.manage },
];

export function navigationFor(grants: readonly RoleGrant[]): NavItem[] {
  return ITEMS.filter(({ access }) => allows(grants, access)).map(({ item }) => item);
}

/** The rule behind each menu link (tests check it against the page's own `access`). */
export const NAV_RULES: readonly { to: string; access: Access }[] = ITEMS.map(({ item, access }) => ({ to: item.to, access }));
