package dev.kitt.ci.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Markdown report limits and numbers")
class MarkdownReportTest {
    @Test
    @DisplayName("a report too long for one GitHub comment is cut to the limit, keeping the marker and saying so")
    void fitsInOneComment() {
        String huge = MarkdownReport.MARKER + "\n" + "x".repeat(100_000);

        String fitted = MarkdownReport.fitForGitHub(huge);

        assertEquals(MarkdownReport.GITHUB_BODY_LIMIT, fitted.length());
        assertTrue(fitted.startsWith(MarkdownReport.MARKER));
        assertTrue(fitted.contains("report truncated"));
    }

    @Test
    @DisplayName("a report within the limit is left as it is")
    void shortReportUntouched() {
        String report = MarkdownReport.MARKER + "\nok\n";
        assertSame(report, MarkdownReport.fitForGitHub(report));
    }

    @Test
    @DisplayName("numbers are printed without locale, with decimals by magnitude and signed percentages")
    void numbers() {
        assertEquals("1523.5", Numbers.value(1523.45));
        assertEquals("84.9", Numbers.value(84.9));
        assertEquals("0.0213", Numbers.value(0.021345));
        assertEquals("—", Numbers.value(Double.NaN));
        assertEquals("+10.0%", Numbers.percent(10));
        assertEquals("0.0%", Numbers.percent(-0.01));
        assertEquals("p<0.001", Numbers.pValue(0.0001));
    }
}
