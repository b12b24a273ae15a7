package dev.kitt.cli.campaign;

import io.vertx.core.json.JsonObject;

import java.io.PrintStream;

/** Prints a plan (as /campaigns/plan returns it) as a table, then the skipped pairs with reasons. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static void print(JsonObject plan, PrintStream out) {
        out.printf("Campaign %s: %d run(s) planned, %d skipped%n", plan.getString("campaign_name"),
                plan.getInteger("planned"), plan.getInteger("skipped"));
        String row = "  %-4s %-32s %-10s %-12s %-10s %-12s %s%n";
        out.printf(row, "#", "MODEL", "ENGINE", "SUITE", "PROFILE", "FORMAT", "LOADS");
        plan.getJsonArray("runs").stream().map(o -> (JsonObject) o).filter(r -> r.getString("reason") == null)
                .forEach(r -> out.printf(row, r.getInteger("seq"), r.getString("model"), r.getString("engine"),
                        r.getString("suite"), dash(r.getString("profile")), r.getString("format"), r.getString("model_ref")));
        if (plan.getInteger("skipped") > 0) {
            out.println("Skipped:");
            plan.getJsonArray("runs").stream().map(o -> (JsonObject) o).filter(r -> r.getString("reason") != null)
                    .forEach(r -> out.printf("  %-4s %s × %s%s: %s%n", r.getInteger("seq"), r.getString("model"),
                            r.getString("engine"), r.getString("profile") == null ? "" : " (" + r.getString("profile") + ")",
                            r.getString("reason")));
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
