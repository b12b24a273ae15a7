package dev.kitt.ci.github;

/** The fields of a GitHub issue comment that KITT uses. */
public record IssueComment(long id, String body, String htmlUrl) {
}
