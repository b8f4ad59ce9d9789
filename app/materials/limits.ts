/** What a class's local materials may weigh (checked on the server; shown on the forms through loader data). */
export const LESSON_BODY_LIMIT_BYTES = 100 * 1024;
export const ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024;
export const TITLE_MAX = 200;
export const SOURCES_MAX = 30;
