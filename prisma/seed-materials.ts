// The demo class's local lesson: a trainer's note on Hà Tĩnh's own OCOP decisions (issue 17).
// Every number, date and signer below is as the cited public source gives it; nothing is added.
import type { Db } from "../app/db/db.server";
import { renderMarkdown } from "../app/materials/markdown.server";
import type { Source } from "../app/materials/sources";

export const DEMO_LOCAL_LESSON_TITLE = "Chính sách hỗ trợ OCOP của tỉnh Hà Tĩnh: các quyết định cần biết";

const BODY = `Ghi chú của giảng viên lớp: các quyết định của UBND tỉnh Hà Tĩnh về Chương trình OCOP, kèm nội dung chính như báo chí và trang thông tin của tỉnh đã đưa tin. Các con số gắn với từng quyết định, từng năm; đây không phải mức hỗ trợ đang áp dụng.

## Đề án OCOP của tỉnh

UBND tỉnh phê duyệt **Đề án Mỗi xã một sản phẩm tỉnh Hà Tĩnh giai đoạn 2018–2020, định hướng đến năm 2030** bằng Quyết định số 3292/QĐ-UBND ngày 01/11/2018. Quyết định căn cứ Quyết định số 490/QĐ-TTg ngày 07/5/2018 của Thủ tướng Chính phủ phê duyệt Chương trình Mỗi xã một sản phẩm giai đoạn 2018–2020.

## Hỗ trợ xây dựng sản phẩm

Theo Báo Hà Tĩnh, Quyết định số 2174/QĐ-UBND ngày 13/7/2020 do Phó Chủ tịch UBND tỉnh Đặng Ngọc Sơn ký phân bổ kinh phí thực hiện chính sách hỗ trợ Chương trình OCOP đợt 2: hơn 4,612 tỷ đồng hỗ trợ các địa phương xây dựng 25 sản phẩm OCOP.

## Thưởng cho sản phẩm đạt sao

| Quyết định | Nội dung | Nguồn tin |
| --- | --- | --- |
| 513/QĐ-UBND, Chủ tịch UBND tỉnh Trần Tiến Hưng ký | 1,930 tỷ đồng thưởng 63 sản phẩm đạt 3 sao, 4 sao đợt 2 năm 2019: 50 triệu đồng cho mỗi sản phẩm 4 sao (2 sản phẩm), 30 triệu đồng cho mỗi sản phẩm 3 sao (61 sản phẩm), từ nguồn vốn thực hiện chính sách phát triển nông nghiệp, nông thôn và cơ chế xây dựng nông thôn mới | Trang hỗ trợ pháp lý tỉnh Hà Tĩnh, tin ngày 11/02/2020 |
| 901/QĐ-UBND ngày 29/4/2022, Chủ tịch UBND tỉnh Võ Trọng Hải ký | 2,89 tỷ đồng cấp cho các huyện, thành phố, thị xã để thưởng tổ chức, cá nhân có sản phẩm OCOP đạt 3 sao, 4 sao năm 2021 (93 sản phẩm), từ ngân sách tỉnh | Báo Hà Tĩnh |

:::note[Hồ sơ nhận tiền thưởng]
Cả hai quyết định thưởng trên đều giao tổ chức, cá nhân có sản phẩm được hỗ trợ thực hiện đầy đủ hồ sơ theo Khoản 3 Điều 18 Quyết định số 868/QĐ-UBND ngày 26/3/2019 của UBND tỉnh.
:::

## Công nhận sản phẩm

- Quyết định số 436/QĐ-UBND ngày 21/2/2022: phê duyệt kết quả đánh giá, phân hạng và cấp chứng nhận sản phẩm đạt tiêu chuẩn OCOP năm 2021.
- Quyết định số 2394/QĐ-UBND, Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Hồng Lĩnh ký ngày 15/10: phê duyệt kết quả đánh giá, phân hạng và cấp chứng nhận sản phẩm đạt 4 sao năm 2024, công nhận 8 sản phẩm của 8 chủ thể.

:::term[Giấy chứng nhận OCOP 4 sao]
Theo Quyết định số 2394/QĐ-UBND, sản phẩm đạt 4 sao được UBND tỉnh cấp giấy chứng nhận, được dùng giấy chứng nhận và logo theo thứ hạng sao để in, dán trên bao bì; giấy chứng nhận có giá trị trong 36 tháng.
:::

:::warning[Trước khi hướng dẫn chủ thể]
Các mức thưởng, hỗ trợ trên thuộc từng năm 2019–2022. Từ ngày 01/7/2025 không còn cấp huyện. Hãy tra cứu nghị quyết, quyết định hiện hành của tỉnh trước khi trích dẫn một mức hỗ trợ.
:::
`;

const SOURCES: Source[] = [
  {
    issuer: "UBND tỉnh Hà Tĩnh",
    number: "3292/QĐ-UBND",
    date: "01/11/2018",
    title: "Phê duyệt Đề án Mỗi xã một sản phẩm tỉnh Hà Tĩnh giai đoạn 2018 – 2020, định hướng đến năm 2030",
  },
  { issuer: "UBND tỉnh Hà Tĩnh", number: "513/QĐ-UBND", date: "2020", title: "Phân bổ kinh phí thưởng cho các sản phẩm OCOP đạt 3 sao, 4 sao đợt 2 năm 2019" },
  {
    issuer: "UBND tỉnh Hà Tĩnh",
    number: "2174/QĐ-UBND",
    date: "13/07/2020",
    title: "Phân bổ kinh phí thực hiện chính sách hỗ trợ chương trình mỗi xã một sản phẩm (OCOP) đợt 2",
  },
  {
    issuer: "UBND tỉnh Hà Tĩnh",
    number: "436/QĐ-UBND",
    date: "21/02/2022",
    title: "Phê duyệt kết quả đánh giá, phân hạng và cấp chứng nhận sản phẩm đạt tiêu chuẩn OCOP năm 2021",
  },
  { issuer: "UBND tỉnh Hà Tĩnh", number: "901/QĐ-UBND", date: "29/04/2022", title: "Cấp kinh phí thưởng cho các tổ chức, cá nhân có sản phẩm OCOP năm 2021" },
  {
    issuer: "UBND tỉnh Hà Tĩnh",
    number: "2394/QĐ-UBND",
    date: "2024",
    title: "Phê duyệt kết quả đánh giá, phân hạng và cấp chứng nhận sản phẩm đạt 4 sao thuộc Chương trình OCOP trên địa bàn tỉnh Hà Tĩnh năm 2024",
  },
];

/** One local lesson in the demo class, written by its trainer. */
export async function seedMaterials(db: Db, courseId: number, trainerId: number) {
  await db.localLesson.create({
    data: {
      courseId,
      authorId: trainerId,
      position: 1,
      title: DEMO_LOCAL_LESSON_TITLE,
      body: BODY,
      html: renderMarkdown(BODY),
      sources: JSON.stringify(SOURCES),
    },
  });
}
