/** Vietnamese messages: a quiz answered on a phone with a poor network (loaded with app/quiz/offline-submit.ts, docs/decisions/0046). */
export const quizOffline = {
  "quiz.offline.queued":
    "Mạng đang chậm hoặc mất kết nối: bài làm (nộp lúc {time}) đã được lưu trên điện thoại và sẽ tự nộp khi có mạng. Thời điểm nộp được tính theo lúc bạn bấm “Nộp bài”. Không cần làm lại.",
  "quiz.offline.refused": "Bài làm lưu trên điện thoại chưa được nhận. Các câu trả lời vẫn còn trên trang: hãy bấm “Nộp bài” lại để xem lý do.",
  "quiz.offline.restored": "Đã khôi phục các câu trả lời lưu trên điện thoại.",
} as const;
