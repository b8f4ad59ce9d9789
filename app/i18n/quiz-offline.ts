/** The texts of a quiz answered offline, loaded with the module that shows them after the page is interactive (docs/decisions/0019, 0046). */
import { addMessages } from "./messages";
import { quizOffline } from "./vi/quiz-offline";

addMessages(quizOffline);
