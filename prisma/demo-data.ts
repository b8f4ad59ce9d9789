/**
 * The demo province: Hà Tĩnh as the seed training day knew it (June 2020), with a handful of
 * real districts and communes. Districts were abolished on 01/07/2025 and these communes merged into new ones
 * (prisma/data/units-2025); they stay, as former units, because the 2020 figures the demo reproduces were
 * appraised at district level. The official codes are the General Statistics Office's.
 */
export const PROVINCE = { code: "HT", name: "Tỉnh Hà Tĩnh" };

export const DISTRICTS: { code: string; name: string; communes: { code: string; officialCode: string; name: string }[] }[] = [
  {
    code: "HT-CL",
    name: "Huyện Can Lộc",
    communes: [
      { code: "HT-CL-THIENLOC", officialCode: "18415", name: "Xã Thiên Lộc" },
      { code: "HT-CL-VUONGLOC", officialCode: "18427", name: "Xã Vượng Lộc" },
    ],
  },
  {
    code: "HT-HS",
    name: "Huyện Hương Sơn",
    communes: [
      { code: "HT-HS-SONKIM1", officialCode: "18196", name: "Xã Sơn Kim 1" },
      { code: "HT-HS-SONTAY", officialCode: "18172", name: "Xã Sơn Tây" },
    ],
  },
  {
    code: "HT-NX",
    name: "Huyện Nghi Xuân",
    communes: [{ code: "HT-NX-XUANVIEN", officialCode: "18385", name: "Xã Xuân Viên" }],
  },
  {
    code: "HT-CX",
    name: "Huyện Cẩm Xuyên",
    communes: [{ code: "HT-CX-CAMTHANH", officialCode: "18694", name: "Xã Cẩm Thành" }],
  },
  {
    code: "HT-VQ",
    name: "Huyện Vũ Quang",
    communes: [{ code: "HT-VQ-HUONGMINH", officialCode: "18340", name: "Xã Hương Minh" }],
  },
];

export const DEMO_PASSWORD = "OcopDemo@2026";

/** One account per role (plus a province-level appraiser for the two-level chain). */
export const DEMO_ACCOUNTS = [
  {
    role: "admin",
    fullName: "Trần Thị Hồng Nhung",
    email: "quantri@ocop-demo.vn",
    phone: "0912000001",
    unit: "HT",
    position: "Chánh Văn phòng Điều phối NTM tỉnh",
  },
  { role: "trainer", fullName: "Lê Văn Thành", email: "giangvien@ocop-demo.vn", phone: "0912000002", unit: "HT", position: "Cán bộ tập huấn" },
  {
    role: "learner",
    fullName: "Nguyễn Văn An",
    email: "hocvien@ocop-demo.vn",
    phone: "0912000003",
    unit: "HT-CL-THIENLOC",
    position: "Công chức Nông nghiệp xã",
  },
  { role: "producer", fullName: "Phạm Thị Lan", email: "chuthe@ocop-demo.vn", phone: "0912000004", unit: "HT-HS-SONKIM1", position: "Giám đốc HTX" },
  { role: "consultant", fullName: "Đặng Quốc Huy", email: "tuvan@ocop-demo.vn", phone: "0912000005", unit: "HT", position: "Chuyên gia tư vấn" },
  {
    role: "appraiser",
    fullName: "Hoàng Minh Đức",
    email: "thamdinh@ocop-demo.vn",
    phone: "0912000006",
    unit: "HT-CL-THIENLOC",
    position: "Cán bộ thẩm định xã",
  },
  { role: "appraiser", fullName: "Võ Thị Mai", email: "thamdinh.tinh@ocop-demo.vn", phone: "0912000007", unit: "HT", position: "Cán bộ thẩm định tỉnh" },
] as const;

export const COURSE = {
  code: "HT-OCOP-01",
  title: "Lớp tập huấn phổ biến kiến thức Chương trình OCOP",
  description:
    "Bốn chuyên đề: kiến thức chung về Chương trình OCOP; bộ tiêu chí đánh giá, phân hạng sản phẩm; một số chính sách hỗ trợ; phương án sản xuất kinh doanh.",
  enrolmentCode: "OCOP2026",
  startsOn: "2026-11-02T01:00:00Z",
  endsOn: "2027-06-30T10:00:00Z",
  /** the roster was in before the first session, so its sessions count for everyone */
  enrolledOn: "2026-10-26T01:00:00Z",
  learners: 210,
  /** the four shipped modules, in the shipped order (content/modules) */
  modules: ["kien-thuc-chung", "tieu-chi-danh-gia", "chinh-sach-ho-tro", "phuong-an-san-xuat-kinh-doanh"],
};

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Thái"];
const MIDDLE_M = ["Văn", "Đình", "Quang", "Minh", "Hữu", "Xuân", "Đức", "Công", "Thanh"];
const MIDDLE_F = ["Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Minh", "Thu", "Thị Thanh"];
const GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vinh", "Hiếu"];
const GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Vân", "Yến"];

export const LEARNER_CATEGORIES = [
  { category: "DISTRICT_OFFICER", role: "learner", position: "Chuyên viên Phòng Nông nghiệp huyện", weight: 3 },
  { category: "COMMUNE_OFFICER", role: "learner", position: "Công chức Địa chính – Nông nghiệp xã", weight: 4 },
  { category: "PRODUCER", role: "producer", position: "Chủ thể sản xuất", weight: 4 },
  { category: "CONSULTANT", role: "learner", position: "Tư vấn viên", weight: 1 },
] as const;

/** Small deterministic PRNG (mulberry32): the same seed gives the same class every time. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

export function learnerName(rand: () => number): string {
  const female = rand() < 0.5;
  return [pick(rand, SURNAMES), pick(rand, female ? MIDDLE_F : MIDDLE_M), pick(rand, female ? GIVEN_F : GIVEN_M)].join(" ");
}
