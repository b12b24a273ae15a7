package dev.kitt.bench.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/**
 * MMLU, TruthfulQA (MC1) and HellaSwag as lettered multiple choice: the model is shown the
 * options and scored by the first option letter in its reply (zero-shot, exact match).
 */
final class MultipleChoiceTask implements QualityTask {
    private final String name;
    private final String stemField;
    private final String optionsField;
    private final String instruction;
    private final Function<JsonObject, Integer> answer;

    private MultipleChoiceTask(String name, String stemField, String optionsField, String instruction,
                               Function<JsonObject, Integer> answer) {
        this.name = name;
        this.stemField = stemField;
        this.optionsField = optionsField;
        this.instruction = instruction;
        this.answer = answer;
    }

    static MultipleChoiceTask mmlu() {
        return new MultipleChoiceTask("mmlu", "question", "choices",
                "Answer the multiple-choice question with the letter of the correct option.",
                item -> item.getString("answer").trim().charAt(0) - 'A');
    }

    static MultipleChoiceTask truthfulqa() {
        return new MultipleChoiceTask("truthfulqa", "question", "choices",
                "Pick the one true answer. Reply with its letter.", item -> item.getInteger("correct"));
    }

    static MultipleChoiceTask hellaswag() {
        return new MultipleChoiceTask("hellaswag", "context", "endings",
                "Which ending continues the text most plausibly? Reply with its letter.", item -> item.getInteger("label"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String prompt(JsonObject item) {
        String subject = item.getString("subject");
        return instruction + (subject != null ? " (Subject: " + subject.replace('_', ' ') + ")" : "") + "\n\n"
                + item.getString(stemField) + "\n" + Answers.lettered(options(item)) + "Answer:";
    }

    @Override
    public boolean correct(JsonObject item, String reply) {
        return Answers.letter(reply, options(item).size()) == answer.apply(item);
    }

    @Override
    public int maxTokens() {
        return 4;
    }

    @Override
    public void validate(JsonObject item) {
        if (item.getString(stemField) == null || item.getJsonArray(optionsField) == null) {
            throw new IllegalArgumentException(name + " items need \"" + stemField + "\" and \"" + optionsField + "\"");
        }
        int a = answer.apply(item);
        if (a < 0 || a >= options(item).size()) {
            throw new IllegalArgumentException(name + " item has an answer outside its options");
        }
    }

    private List<String> options(JsonObject item) {
        JsonArray arr = item.getJsonArray(optionsField);
        return arr.stream().map(String::valueOf).toList();
    }
}
