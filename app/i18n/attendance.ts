/**
 * The attendance texts (sessions, rosters, reports; the check-in part is ./checkin.ts, loaded with it). Imported for its effect by every
 * module that uses these keys, so only the pages that show them download them (docs/decisions/0019).
 */
import "./checkin";
import { addMessages } from "./messages";
import { attendance } from "./vi/attendance";

addMessages(attendance);
