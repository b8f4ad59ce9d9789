/**
 * The texts of a class's local lessons and attachments, loaded by the materials pages only, so the
 * shipped lesson, quiz and check-in pages stay within their JavaScript budget (docs/decisions/0019).
 */
import { addMessages } from "./messages";
import { materials } from "./vi/materials";

addMessages(materials);
