/** Vietnamese messages: what a learner sees when checking in (and the attendance statuses every attendance page names). */
export const checkin = {
  "att.status.PRESENT": "Có mặt",
  "att.status.LATE": "Đi muộn",
  "att.status.EXCUSED": "Vắng có phép",
  "att.status.ABSENT": "Vắng",
  "att.status.UNMARKED": "Chưa điểm danh",
  "att.checkin.title": "Điểm danh buổi học",
  "att.checkin.intro": "Nhập mã đang hiện trên màn chiếu (6 ký tự) hoặc quét mã QR.",
  "att.checkin.code": "Mã điểm danh",
  "att.checkin.submit": "Điểm danh",
  "att.checkin.codeMalformed": "Mã gồm 6 chữ cái và chữ số, không dùng I, L, O, 0 và 1 (ví dụ: K7M2QX).",
  "att.checkin.wrongCode": "Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên màn chiếu.",
  "att.checkin.notEnrolled": "Bạn không có tên trong danh sách lớp của buổi học này.",
  "att.checkin.closed": "Buổi học này hiện không mở điểm danh.",
  "att.checkin.already": "Bạn đã được điểm danh buổi này rồi ({status}).",
  "att.checkin.done": "Đã điểm danh: {status} — {session}.",
  "att.checkin.doneTitled": "Đã điểm danh buổi “{title}”: {status} — {session}.",
  "att.checkin.throttled": "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau {time}.",
  "att.checkin.sessionFor": "Buổi học: {session}",
  "att.checkin.queued":
    "Mạng đang chậm hoặc mất kết nối: lần điểm danh (mã {code}, nhập lúc {time}) đã được lưu trên điện thoại và sẽ tự gửi khi có mạng. Không cần nhập lại.",
  "att.checkin.sentResult": "Đã gửi lần điểm danh lưu trên điện thoại (mã {code}, nhập lúc {time}):",
} as const;
