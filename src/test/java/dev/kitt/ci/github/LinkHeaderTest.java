package dev.kitt.ci.github;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Link header")
class LinkHeaderTest {
    @Test
    @DisplayName("the next page is found among the other relations, in any position")
    void next() {
        String header = "<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=1>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=3>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=5>; rel=\"last\"";

        assertEquals(Optional.of("https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=3"),
                LinkHeader.next(header));
    }

    @Test
    @DisplayName("the last page has no next link, and no header means one page")
    void noNext() {
        assertEquals(Optional.empty(), LinkHeader.next("<https://x/c?page=1>; rel=\"first\", <https://x/c?page=2>; rel=\"prev\""));
        assertEquals(Optional.empty(), LinkHeader.next(null));
    }

    @Test
    @DisplayName("unquoted and multi-valued rel parameters are understood")
    void relForms() {
        assertEquals(Optional.of("https://x/c?page=2"), LinkHeader.next("<https://x/c?page=2>; rel=next"));
        assertEquals(Optional.of("https://x/c?page=2"), LinkHeader.next("<https://x/c?page=2>; rel=\"last next\""));
    }
}
