/** Vietnamese messages: the page the service worker shows for a page it has not kept, offline (docs/decisions/0046). */
export const offline = {
  "offline.title": "Chưa có mạng",
  "offline.body":
    "Điện thoại đang mất kết nối hoặc mạng quá chậm, và trang này chưa được lưu trên điện thoại. Các bài học của lớp bạn đã mở trang lớp vẫn đọc được; lần điểm danh và bài kiểm tra đã lưu trên điện thoại sẽ tự gửi khi có mạng. Khi có mạng trở lại, hãy tải lại trang.",
  "offline.home": "Về trang chủ",
} as const;
