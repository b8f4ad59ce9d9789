/** Vietnamese messages: the OCOP score sheet by part (Decision 148/QĐ-TTg), shared by the lesson and the business plan. */
export const ocop = {
  "ocop.sheet.title": "Phiếu tự chấm điểm OCOP (Quyết định 148/QĐ-TTg)",
  "ocop.sheet.partA": "A. Sản phẩm và sức mạnh cộng đồng",
  "ocop.sheet.partB": "B. Khả năng tiếp thị",
  "ocop.sheet.partC": "C. Chất lượng sản phẩm",
  "ocop.sheet.groupA1": "Tổ chức sản xuất",
  "ocop.sheet.groupA2": "Phát triển sản phẩm",
  "ocop.sheet.groupA3": "Sức mạnh cộng đồng",
  "ocop.sheet.groupB1": "Tiếp thị",
  "ocop.sheet.groupB2": "Câu chuyện về sản phẩm",
  "ocop.sheet.groupC1": "Chỉ tiêu cảm quan, dinh dưỡng, tính độc đáo",
  "ocop.sheet.groupC2": "Tiêu chuẩn sản phẩm",
  "ocop.sheet.groupC3": "Khả năng xuất khẩu, phân phối tại thị trường quốc tế",
  "ocop.sheet.missing": "Vui lòng nhập điểm.",
  "ocop.sheet.outOfRange": "Điểm phải từ 0 đến {max}, bước 0,5.",
  "ocop.sheet.notAnOption": "Mức điểm không có trong phiếu.",
} as const;
