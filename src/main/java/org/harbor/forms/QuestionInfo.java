package org.harbor.forms;

/**
 * One question of a form as Harbor sees it.
 *
 * @param path the question's instance path, for messages and tests
 * @param kind what Harbor renders it as, or why it cannot
 */
public record QuestionInfo(String path, QuestionKind kind) {
}
