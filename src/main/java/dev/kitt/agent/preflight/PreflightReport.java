package dev.kitt.agent.preflight;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** All check outcomes; the host passes when every required check passed. */
public record PreflightReport(List<PreflightCheck> checks) {
    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(c -> c.passed() || !c.required());
    }

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        checks.forEach(c -> list.add(c.toJson()));
        return new JsonObject().put("passed", passed()).put("checks", list);
    }

    /** A fixed-width table for terminals, one check per line, then a verdict. */
    public String table() {
        int width = "CHECK".length();
        for (PreflightCheck c : checks) {
            width = Math.max(width, c.name().length());
        }
        String format = "%-" + width + "s  %-8s  %-4s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(format, "CHECK", "LEVEL", "OK", "DETAIL"));
        for (PreflightCheck c : checks) {
            String ok = c.passed() ? "yes" : (c.required() ? "FAIL" : "warn");
            sb.append(String.format(format, c.name(), c.required() ? "required" : "advisory", ok, c.detail()));
        }
        long failed = checks.stream().filter(c -> c.required() && !c.passed()).count();
        sb.append(failed == 0 ? "Preflight passed." : "Preflight failed: " + failed + " required check(s) failed.");
        return sb.toString();
    }
}
