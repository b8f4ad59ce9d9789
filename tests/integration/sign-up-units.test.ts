import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import * as register from "~/routes/dang-ky";
import { loadProvince } from "~/units/catalogue.server";
import { COURSE } from "../../prisma/demo-data";
import { getRequest, postRequest, run, tableCounts, testContext } from "../support/http";

/**
 * The public sign-up on a phone (issue 18): after the whole catalogue is loaded, one select of every unit would hold
 * 13,000 options. The page asks for the province first (a GET, so it works without JavaScript) and then lists that
 * province's units of today only.
 */
type Option = { value: string; label: string };
type Page = { provinces: Option[]; province: string; units: Option[] };

const page = async (query = "") =>
  (await run<Page>(() => register.loader({ request: getRequest(`/dang-ky${query}`), params: {}, context: testContext() }))).data;
const labels = (options: Option[]) => options.map((o) => o.label.replace(/^[\s└]+/u, ""));

describe("the sign-up's unit field", () => {
  it("lists the one province's units of today at once, without its former communes and districts", async () => {
    const { provinces, units } = await page();
    expect(provinces).toHaveLength(1);
    expect(labels(units)[0]).toBe("Tỉnh Hà Tĩnh");
    expect(units).toHaveLength(1 + 69);
    expect(labels(units)).toContain("Xã Can Lộc");
    expect(labels(units)).not.toContain("Xã Thiên Lộc"); // part of Xã Can Lộc since 1 July 2025
    expect(labels(units)).not.toContain("Huyện Can Lộc");
  });

  it("asks for the province first when several are loaded, then lists only that province's units", async () => {
    const ngheAn = (await loadProvince("40"))!.provinceId;
    const first = await page();
    expect(labels(first.provinces)).toEqual(["Tỉnh Hà Tĩnh", "Tỉnh Nghệ An"]);
    expect(first.province).toBe("");
    expect(first.units).toEqual([]);

    const chosen = await page(`?tinh=${ngheAn}`);
    expect(chosen.province).toBe(String(ngheAn));
    expect(labels(chosen.units)[0]).toBe("Tỉnh Nghệ An");
    expect(chosen.units).toHaveLength(1 + 130);
    expect(labels(chosen.units)).not.toContain("Xã Can Lộc");

    // a province id that is none, or no id at all, is the first step again
    const commune = await db().unit.findFirstOrThrow({ where: { name: "Xã Can Lộc" } });
    for (const query of [`?tinh=${commune.id}`, "?tinh=abc", "?tinh=99999999999"]) expect(await page(query)).toEqual(first);
  });

  it("refuses a former commune at the unit field, with nothing written", async () => {
    const former = await db().unit.findFirstOrThrow({ where: { name: "Xã Thiên Lộc" } });
    const before = await tableCounts();
    const res = await run(() =>
      register.action({
        request: postRequest("/dang-ky", {
          code: COURSE.enrolmentCode,
          fullName: "Trần Thị Cũ",
          phone: "0987 654 999",
          email: "",
          role: "learner",
          unitId: String(former.id),
          password: "MatKhau2026",
          passwordConfirm: "MatKhau2026",
        }),
        params: {},
        context: testContext(),
      }),
    );
    expect(res.status).toBe(422);
    expect(res.data.errors.unitId).toBe("Lựa chọn không hợp lệ.");
    expect(await tableCounts()).toEqual(before);
  });
});
