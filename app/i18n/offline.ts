/** The offline page's texts, loaded by that page only (docs/decisions/0019, 0046). */
import { addMessages } from "./messages";
import { offline } from "./vi/offline";

addMessages(offline);
