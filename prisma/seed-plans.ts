// Demo business plan: the producer's cooperative and a complete plan built from module 4's worked
// example (HTX Mật ong Suối Xanh is hypothetical; figures illustrate the method only).
import { searchKey } from "../app/users/users.server";
import type { Db, Prisma } from "../app/db/db.server";
import { checkStored, OCOP_GROUPS, STEP_COUNT, type StoredValues } from "../app/plans/steps";

export const DEMO_ORG = { name: "HTX Nông sản Sơn Kim", kind: "HTX", address: "Thôn Khe Máng, xã Sơn Kim 1, huyện Hương Sơn, tỉnh Hà Tĩnh" };
export const DEMO_PLAN_TITLE = "Mật ong hoa rừng Sơn Kim";

const row = (o: Record<string, string>) => o;

export const DEMO_STEPS: Record<number, StoredValues> = {
  1: {
    representative: "Phạm Thị Lan",
    position: "Giám đốc HTX",
    phone: "0912000004",
    registrationNo: "2801234567",
    foundedYear: "2017",
    mainBusiness: "Nuôi ong, chế biến và tiêu thụ mật ong",
    members: "25",
  },
  2: {
    structure: "Giám đốc; kế toán; tổ chất lượng; tổ đóng gói theo mùa",
    workers: "7",
    localWorkers: "7",
    femaleWorkers: "4",
    accounting: "1 kế toán có chứng chỉ, ghi sổ hằng tháng",
    community: "25 thành viên góp vốn là hộ nuôi ong trong xã",
  },
  3: {
    productName: "Mật ong hoa rừng Sơn Kim 500 g",
    specification: "Chai thủy tinh 500 g; mật ong nguyên chất; hạn dùng 24 tháng; bảo quản nơi khô mát",
    ocopGroup: "THUC_PHAM",
    story: "Nghề nuôi ong truyền thống ở xã ven rừng Vũ Quang, ong lấy mật tự nhiên từ hoa rừng",
    certificates: "Đã tự công bố sản phẩm; có phiếu kiểm nghiệm; nhãn hiệu: đang đăng ký",
  },
  4: {
    materials: "Mật ong thô từ hộ thành viên",
    sourcingArea: "Rừng đầu nguồn xã Sơn Kim 1, 300 đàn ong",
    linkedHouseholds: "25",
    contracts: "Hợp đồng thu mua 3.300 kg/năm với hộ thành viên",
    inputControl: "Đo độ ẩm từng mẻ, ghi sổ theo hộ",
  },
  5: {
    customers: "Khách mua quà đặc sản, khách du lịch, cơ quan",
    channels: "Cửa hàng đặc sản 2.500 chai; khách du lịch 1.500; thương mại điện tử 1.200; quà tặng 800",
    competitors: "Mật ong các huyện lân cận, giá 150.000–220.000 đ/chai",
  },
  6: {
    productMix: "Chai 500 g, thêm chai 250 g dùng thử",
    pricing: "Giá lẻ 200.000 đ; giá sỉ 160.000 đ; bình quân 180.000 đ/chai",
    distribution: "Đại lý trong tỉnh, điểm bán OCOP, sàn thương mại điện tử",
    promotion: "Livestream hằng tuần (tháng 3–5), hội chợ OCOP tỉnh",
    marketingBudget: "24000000",
  },
  7: {
    process: "Thu nhận → kiểm tra độ ẩm → lọc → lắng → chiết rót → dán nhãn → lưu kho",
    controlPoints: "Độ ẩm đầu vào; vệ sinh chai; cân định lượng",
    facilities: "Phòng chiết rót 40 m², máy chiết rót bán tự động",
    capacityPerYear: "9000",
    environment: "Thu gom sáp, bã lọc làm phân bón",
  },
  8: {
    items: [
      row({ name: "Cải tạo phòng chiết rót", amount: "120000000" }),
      row({ name: "Thiết bị lọc, thùng lắng, máy chiết rót", amount: "130000000" }),
      row({ name: "Bao bì, kiểm nghiệm, nhãn hiệu", amount: "50000000" }),
    ],
    ownCapital: "150000000",
    loans: "150000000",
    support: "0",
    loanTerms: "Lãi suất giả định 8%/năm, 3 năm",
  },
  9: {
    years: "3",
    taxRate: "20",
    depreciation: "60000000",
    products: [
      row({ name: "Mật ong hoa rừng 500 g", unit: "chai", price: "180000", variableCost: "110000", q1: "6000", q2: "6500", q3: "7000", q4: "", q5: "" }),
    ],
    fixedCosts: [
      row({ name: "Lương giám đốc, kế toán", amount: "84000000" }),
      row({ name: "Điện, nước, thuê kho", amount: "24000000" }),
      row({ name: "Kiểm nghiệm, marketing cơ bản", amount: "30000000" }),
      row({ name: "Lãi vay", amount: "12000000" }),
    ],
  },
  10: {
    risks: [
      row({ risk: "Mất mùa hoa do thời tiết", likelihood: "TRUNG_BINH", impact: "CAO", solution: "Đa dạng vùng đặt đàn ong" }),
      row({ risk: "Giá mật thu mua tăng 20%", likelihood: "TRUNG_BINH", impact: "TRUNG_BINH", solution: "Hợp đồng giá sàn với hộ thành viên" }),
    ],
    scenario: "Giá mật tăng 20%: hòa vốn khoảng 3.889 chai",
  },
  11: {
    requests: [
      row({
        content: "Hỗ trợ chi phí đăng ký nhãn hiệu",
        amount: "30000000",
        basis: "Nghị quyết HĐND tỉnh (cần đối chiếu số hiệu, điều khoản)",
        counterpart: "20000000",
      }),
    ],
    commitments: "Có nhãn hiệu và tem truy xuất trong năm đầu",
  },
  12: { A: "27", B: "16", C: "24", improvements: "Đăng ký nhãn hiệu; áp dụng hệ thống quản lý chất lượng" },
};

/** A plan with the registered idea it was built from (the idea is what the statistics count). */
function planFromIdea(db: Db, p: { orgId: number; title: string; status?: string; createdAt?: Date; ocopGroup?: string }) {
  const createdAt = p.createdAt ?? new Date();
  return db.businessPlan.create({
    data: {
      title: p.title,
      status: p.status ?? "DRAFT",
      createdAt,
      org: { connect: { id: p.orgId } },
      idea: { create: { orgId: p.orgId, title: p.title, ocopGroup: p.ocopGroup ?? "THUC_PHAM", createdAt } },
    },
  });
}

/** Adds the demo cooperative and its complete plan (and invites the demo consultant). */
export async function seedPlans(db: Db): Promise<number | null> {
  const producer = await db.user.findUnique({ where: { email: "chuthe@ocop-demo.vn" }, select: { id: true, unitId: true } });
  const consultant = await db.user.findUnique({ where: { email: "tuvan@ocop-demo.vn" }, select: { id: true } });
  if (!producer?.unitId) return null;
  const org = await db.producerOrg.create({ data: { ...DEMO_ORG, unitId: producer.unitId, ownerId: producer.id } });
  const plan = await planFromIdea(db, { orgId: org.id, title: DEMO_PLAN_TITLE });
  await db.planStep.createMany({
    data: Array.from({ length: STEP_COUNT }, (_, i) => {
      const json = JSON.stringify(DEMO_STEPS[i + 1]);
      return { planId: plan.id, step: i + 1, data: json, complete: checkStored(i + 1, json).complete, updatedById: producer.id };
    }),
  });
  if (consultant) await db.planInvite.create({ data: { planId: plan.id, userId: consultant.id } });
  return plan.id;
}

/** Extra demo accounts for the appraisal chain (the other demo accounts keep their roles). */
export const APPRAISAL_DEMO = {
  communeAppraiser: {
    fullName: "Trần Văn Bình",
    email: "thamdinh.sonkim@ocop-demo.vn",
    phone: "0912000008",
    unit: "HT-HS-SONKIM1",
    position: "Cán bộ thẩm định xã Sơn Kim 1",
  },
  producerThienLoc: {
    fullName: "Nguyễn Thị Hà",
    email: "chuthe.thienloc@ocop-demo.vn",
    phone: "0912000009",
    unit: "HT-CL-THIENLOC",
    position: "Chủ hộ sản xuất",
  },
};
export const THIENLOC_PLAN_TITLE = "Cam bù Thiên Lộc";

const DAY = 86_400_000;

/**
 * The appraisal demo: a commune appraiser for the producer's commune, a submitted plan at Thiên
 * Lộc (in the demo commune appraiser's queue), and the 2020 year of the seed (180 ideas, 159
 * appraised at district level, 122 approved by the province; 69 at 3★ and 3 at 4★) as cases and
 * audit events, so the statistics show the seed's funnel on first start.
 */
export async function seedAppraisal(db: Db): Promise<void> {
  const template = await db.user.findUniqueOrThrow({ where: { email: "chuthe@ocop-demo.vn" }, select: { passwordHash: true } });
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true, path: true, level: true } })).map((u) => [u.code, u]));
  const mk = async (a: typeof APPRAISAL_DEMO.communeAppraiser, role: string) => {
    const unit = units.get(a.unit)!;
    const user = await db.user.create({
      data: {
        fullName: a.fullName,
        email: a.email,
        phone: a.phone,
        passwordHash: template.passwordHash,
        unitId: unit.id,
        position: a.position,
        searchName: searchKey(a),
      },
    });
    await db.roleAssignment.create({ data: { userId: user.id, role, unitId: unit.id } });
    return { user, unit };
  };
  await mk(APPRAISAL_DEMO.communeAppraiser, "appraiser");
  const { user: producer, unit: thienLoc } = await mk(APPRAISAL_DEMO.producerThienLoc, "producer");

  // A plan submitted at Thiên Lộc today, waiting at commune level.
  const at = new Date();
  const org = await db.producerOrg.create({
    data: {
      name: "Hộ sản xuất Nguyễn Thị Hà",
      kind: "HO_SAN_XUAT",
      address: "Thôn Trung Tiến, xã Thiên Lộc, Can Lộc, Hà Tĩnh",
      unitId: thienLoc.id,
      ownerId: producer.id,
    },
  });
  const plan = await planFromIdea(db, { orgId: org.id, title: THIENLOC_PLAN_TITLE, status: "SUBMITTED" });
  await db.planStep.createMany({
    data: Array.from({ length: STEP_COUNT }, (_, i) => ({
      planId: plan.id,
      step: i + 1,
      data: JSON.stringify(DEMO_STEPS[i + 1]),
      complete: true,
      updatedById: producer.id,
    })),
  });
  await db.planVersion.create({ data: { planId: plan.id, number: 1, data: JSON.stringify(DEMO_STEPS), createdById: producer.id, createdAt: at } });
  const year = Number(new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  await db.appraisalCase.create({
    data: {
      planId: plan.id,
      status: "SUBMITTED",
      levelIndex: 0,
      level: "COMMUNE",
      unitPath: thienLoc.path,
      year,
      versionNumber: 1,
      receivedAt: at,
      deadlineAt: new Date(at.getTime() + 5 * DAY),
    },
  });
  await db.appraisalEvent.create({
    data: {
      planId: plan.id,
      versionNumber: 1,
      actorId: producer.id,
      action: "SUBMIT",
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      fromLevel: "",
      toLevel: "COMMUNE",
      unitPath: thienLoc.path,
      year,
      createdAt: at,
    },
  });

  // 2020: the seed's year (chain commune → district → province, district appraisal within 5 days).
  const owners = await db.user.findMany({
    where: { roles: { some: { role: "producer" } }, phone: { startsWith: "0913" } },
    select: { id: true, unitId: true },
  });
  const communes = [...units.values()].filter((u) => u.level === "COMMUNE");
  const plans: { id: number; path: string }[] = [];
  for (let i = 0; i < 180; i++) {
    const owner = owners[i % owners.length];
    const unit = communes.find((c) => c.id === owner.unitId) ?? communes[i % communes.length];
    const created = new Date(Date.UTC(2020, 2, 1) + (i % 60) * DAY);
    const o = await db.producerOrg.create({
      data: { name: `Chủ thể OCOP 2020 số ${i + 1}`, kind: ORG_KIND_CYCLE[i % 3], address: "Hà Tĩnh", unitId: unit.id, ownerId: owner.id, createdAt: created },
    });
    const p = await planFromIdea(db, {
      orgId: o.id,
      title: `Ý tưởng sản phẩm 2020 số ${i + 1}`,
      createdAt: created,
      ocopGroup: OCOP_GROUPS[i % OCOP_GROUPS.length],
    });
    plans.push({ id: p.id, path: unit.path });
  }
  const events: Prisma.AppraisalEventCreateManyInput[] = [];
  const cases: Prisma.AppraisalCaseCreateManyInput[] = [];
  const statuses: Record<number, string> = {};
  plans.forEach((p, i) => {
    if (i >= 170) return; // 10 ideas never became a submitted plan
    const base = Date.UTC(2020, 4, 1) + (i % 40) * DAY;
    const ev = (action: string, from: string, to: string, fromLevel: string, toLevel: string, d: number, reason = "") =>
      events.push({
        planId: p.id,
        versionNumber: 1,
        action,
        fromStatus: from,
        toStatus: to,
        fromLevel,
        toLevel,
        reason,
        unitPath: p.path,
        year: 2020,
        createdAt: new Date(base + d * DAY),
      });
    ev("SUBMIT", "DRAFT", "SUBMITTED", "", "DISTRICT", 0);
    let status = "SUBMITTED";
    let level = "DISTRICT";
    let stars: number | null = null;
    if (i < 159) {
      if (i < 130) {
        ev("FORWARD", "SUBMITTED", "SUBMITTED", "DISTRICT", "PROVINCE", 4);
        level = "PROVINCE";
        if (i < 122) {
          ev("APPROVE", "SUBMITTED", "APPROVED", "PROVINCE", "PROVINCE", 20);
          status = "APPROVED";
          stars = i < 3 ? 4 : i < 72 ? 3 : 2;
        } else {
          ev("REJECT", "SUBMITTED", "REJECTED", "PROVINCE", "PROVINCE", 20, "Chưa đạt yêu cầu về chất lượng sản phẩm");
          status = "REJECTED";
        }
      } else {
        ev("REJECT", "SUBMITTED", "REJECTED", "DISTRICT", "DISTRICT", 4, "Phương án chưa khả thi");
        status = "REJECTED";
      }
    } else ev("OVERDUE", "SUBMITTED", "SUBMITTED", "DISTRICT", "DISTRICT", 6);
    statuses[p.id] = status;
    cases.push({
      planId: p.id,
      status,
      levelIndex: level === "DISTRICT" ? 1 : 2,
      level,
      unitPath: p.path,
      year: 2020,
      versionNumber: 1,
      receivedAt: new Date(base),
      deadlineAt: new Date(base + 5 * DAY),
      overdue: status === "SUBMITTED",
      officialStars: stars,
      officialScore: stars === 4 ? 72 : stars === 3 ? 60 : stars === 2 ? 45 : null,
    });
  });
  await db.appraisalCase.createMany({ data: cases });
  await db.appraisalEvent.createMany({ data: events });
  for (const status of ["SUBMITTED", "APPROVED", "REJECTED"]) {
    const ids = Object.entries(statuses)
      .filter(([, s]) => s === status)
      .map(([id]) => Number(id));
    await db.businessPlan.updateMany({ where: { id: { in: ids } }, data: { status } });
  }
}

const ORG_KIND_CYCLE = ["HTX", "DOANH_NGHIEP", "HO_SAN_XUAT"];
