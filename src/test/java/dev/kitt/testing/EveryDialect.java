package dev.kitt.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once per store dialect from {@link TestDatabases#dialects()}, the
 * dialect name as its argument and display name, so store tests do not each
 * declare the same source method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.kitt.testing.TestDatabases#dialects")
public @interface EveryDialect {
}
