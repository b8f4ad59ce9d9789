/**
 * The check-in texts and the attendance statuses: the one part of attendance a learner's phone
 * needs, kept apart so the check-in page stays within its JavaScript budget (docs/decisions/0019).
 */
import { addMessages } from "./messages";
import { checkin } from "./vi/checkin";

addMessages(checkin);
