/**
 * The officers' texts: business plans, appraisal, administration (almost half of all text).
 * Imported for its effect by every module that uses these keys, so only the pages that show
 * them download them (docs/decisions/0019).
 */
import { addMessages } from "./messages";
import { admin } from "./vi/admin";
import { appraisal } from "./vi/appraisal";
import { plans } from "./vi/plans";

addMessages({ ...admin, ...plans, ...appraisal });
