package dev.kitt.engines.client;

/**
 * One generation call.
 *
 * @param chat true to use the chat endpoint (OpenAI style only)
 */
public record GenerationRequest(String prompt, int maxTokens, boolean stream, boolean chat, double temperature) {

    public static GenerationRequest streaming(String prompt, int maxTokens) {
        return new GenerationRequest(prompt, maxTokens, true, false, 0.0);
    }
}
