import type { RoleGrant } from "~/auth/roles";
import type { MessageKey } from "~/i18n/messages";

/** `group`: shown inside the "Quản trị" disclosure, so an admin's menu fits one or two lines on an office screen. */
export type NavItem = { to: string; label: MessageKey; group?: "admin" };

/** Navigation by role: each item names the roles that see it (the pages check again on the server). */
const ITEMS: { item: NavItem; roles: RoleGrant["role"][] | "all" }[] = [
  { item: { to: "/", label: "nav.home" }, roles: "all" },
  { item: { to: "/khoa-hoc", label: "nav.courses" }, roles: ["learner", "producer", "trainer", "admin"] },
  { item: { to: "/phuong-an", label: "plans.nav" }, roles: ["producer", "consultant"] },
  { item: { to: "/tham-dinh", label: "appraisal.nav" }, roles: ["appraiser"] },
  { item: { to: "/y-tuong", label: "plans.idea.nav" }, roles: ["appraiser", "admin"] },
  { item: { to: "/thong-ke/tham-dinh", label: "appraisal.navStats" }, roles: ["appraiser", "admin"] },
  { item: { to: "/ket-qua-danh-gia", label: "appraisal.result.title", group: "admin" }, roles: ["admin"] },
  { item: { to: "/quan-tri/nguoi-dung", label: "nav.users", group: "admin" }, roles: ["admin"] },
  { item: { to: "/quan-tri/don-vi", label: "nav.units", group: "admin" }, roles: ["admin"] },
  { item: { to: "/quan-tri/cai-dat", label: "nav.settings", group: "admin" }, roles: ["admin"] },
  { item: { to: "/diem-danh", label: "nav.checkin" }, roles: ["learner", "producer"] },
  { item: { to: "/chung-nhan-cua-toi", label: "nav.certificates" }, roles: ["learner", "producer"] },
  { item: { to: "/tai-khoan", label: "nav.account" }, roles: "all" },
  { item: { to: "/chung-nhan", label: "nav.verify" }, roles: ["admin", "trainer"] },
];

export function navigationFor(grants: readonly RoleGrant[]): NavItem[] {
  const roles = new Set(grants.map((g) => g.role));
  return ITEMS.filter(({ roles: r }) => r === "all" || r.some((role) => roles.has(role))).map(({ item }) => item);
}
