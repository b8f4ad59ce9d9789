/**
 * The texts of email notifications (account page choices, the emails, the admin's panel). Imported for its effect by
 * the modules that use these keys, so only the pages that show them download them (docs/decisions/0019).
 */
import { addMessages } from "./messages";
import { notifications } from "./vi/notifications";

addMessages(notifications);
