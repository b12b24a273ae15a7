package dev.kitt.bench.quality;

import io.vertx.core.json.JsonObject;

/**
 * GSM8K: grade-school maths word problems. The reference answer follows "####"; a reply is
 * correct when its last number equals it (the dataset's usual exact-match scoring).
 */
final class Gsm8kTask implements QualityTask {
    @Override
    public String name() {
        return "gsm8k";
    }

    @Override
    public String prompt(JsonObject item) {
        return "Solve the problem step by step, then finish with \"The answer is N.\"\n\nQuestion: "
                + item.getString("question") + "\nAnswer:";
    }

    @Override
    public boolean correct(JsonObject item, String reply) {
        Double expected = reference(item);
        Double got = Answers.lastNumber(reply);
        return expected != null && got != null && Math.abs(expected - got) < 1e-6;
    }

    @Override
    public int maxTokens() {
        return 256;
    }

    @Override
    public void validate(JsonObject item) {
        if (item.getString("question") == null || reference(item) == null) {
            throw new IllegalArgumentException("gsm8k items need \"question\" and an \"answer\" ending in \"#### N\"");
        }
    }

    private static Double reference(JsonObject item) {
        String a = item.getString("answer", "");
        int i = a.lastIndexOf("####");
        return i < 0 ? null : Answers.lastNumber(a.substring(i + 4));
    }
}
