/**
 * The quiz page's texts (questions, answers, review), loaded on demand by the quiz modules (docs/decisions/0019):
 * the other learner pages only link to a quiz and do not download them.
 */
import { addMessages } from "./messages";
import { quiz } from "./vi/quiz";

addMessages(quiz);
