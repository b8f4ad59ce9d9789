import { z } from "zod";
import { text } from "~/forms/fields.server";

/** An enrolment code as typed: capitals, no spaces (the code is shown grouped on the projector). */
export const normalizeCode = (raw: string) => raw.toUpperCase().replace(/\s+/g, "").slice(0, 40);

/** /khoa-hoc/tham-gia: a signed-in person joins a class with its enrolment code. */
export const joinSchema = z.object({ code: text(40).transform(normalizeCode) });
