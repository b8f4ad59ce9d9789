/** A class's quiz results, item statistics and grants: trainers' texts, never in a learner page (docs/decisions/0019). */
import "./quiz";
import { addMessages } from "./messages";
import { quizTrainer } from "./vi/quiz-trainer";

addMessages(quizTrainer);
