import { t } from "~/i18n/messages";
import "~/i18n/officer";

type PlanWithOrg = { id: number; title: string; org: { name: string; kind: string; address: string; unit: { name: string } } };

/** Who a plan belongs to, as its printed copy and the appraiser's case page head it. */
export function planHeading(plan: PlanWithOrg) {
  return {
    id: plan.id,
    title: plan.title,
    org: plan.org.name,
    kind: t(`plans.org.kind.${plan.org.kind}` as "plans.org.kind.HTX"),
    address: plan.org.address,
    unit: plan.org.unit.name,
  };
}
