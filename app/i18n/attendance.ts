/**
 * The attendance texts (sessions, check-in, rosters, reports). Imported for its effect by every
 * module that uses these keys, so only the pages that show them download them (docs/decisions/0019).
 */
import { addMessages } from "./messages";
import { attendance } from "./vi/attendance";

addMessages(attendance);
