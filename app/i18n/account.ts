/**
 * The texts of registering and of the account page. Imported for its effect by the pages that use
 * these keys (docs/decisions/0019), so the learner pages do not download them.
 */
import { addMessages } from "./messages";
import { account } from "./vi/account";

addMessages(account);
