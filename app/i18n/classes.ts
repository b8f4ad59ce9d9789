/**
 * The classes' texts: the class list's filters, a class's settings, joining refusals, "archived".
 * Imported for its effect by the modules that use these keys (docs/decisions/0019); learner pages
 * that only show a class's name do not download them.
 */
import { addMessages } from "./messages";
import { classes } from "./vi/classes";

addMessages(classes);
