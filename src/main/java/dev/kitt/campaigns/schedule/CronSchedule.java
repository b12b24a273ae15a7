package dev.kitt.campaigns.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A validated Unix cron expression ("0 2 * * *": minute hour day-of-month month day-of-week), in UTC. */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime execution;

    private CronSchedule(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /** Parses an expression; {@link IllegalArgumentException} with a readable reason otherwise. */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required, such as \"0 2 * * *\"");
        }
        String expr = expression.trim();
        try {
            Cron cron = PARSER.parse(expr);
            cron.validate();
            return new CronSchedule(expr, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression \"" + expr + "\": " + e.getMessage()
                    + " (expected five fields: minute hour day-of-month month day-of-week)");
        }
    }

    public String expression() {
        return expression;
    }

    /** The first firing strictly after {@code after}, in epoch milliseconds. */
    public long nextAfter(long afterMs) {
        ZonedDateTime at = ZonedDateTime.ofInstant(Instant.ofEpochMilli(afterMs), ZoneOffset.UTC);
        Optional<ZonedDateTime> next = execution.nextExecution(at);
        return next.map(z -> z.toInstant().toEpochMilli())
                .orElseThrow(() -> new IllegalArgumentException("cron expression " + expression + " never fires"));
    }
}
