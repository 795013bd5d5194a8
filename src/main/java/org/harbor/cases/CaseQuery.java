package org.harbor.cases;

import java.util.Optional;

/**
 * What the case list asks for: an optional status, an optional worker, optional search words, a
 * sort order and a page.
 */
public record CaseQuery(Optional<CaseStatus> status, Optional<Long> worker, Optional<String> search, Sort sort,
                        int limit, int offset) {

    public static final int MAX_PAGE = 500;

    public enum Sort { UPDATED_DESC, OPENED_DESC, NUMBER_ASC }

    public CaseQuery {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " cases");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("the offset cannot be negative");
        }
    }

    public static CaseQuery all() {
        return new CaseQuery(Optional.empty(), Optional.empty(), Optional.empty(), Sort.UPDATED_DESC, 100, 0);
    }

    public CaseQuery withStatus(CaseStatus s) {
        return new CaseQuery(Optional.of(s), worker, search, sort, limit, offset);
    }

    public CaseQuery withWorker(long userId) {
        return new CaseQuery(status, Optional.of(userId), search, sort, limit, offset);
    }

    public CaseQuery withSearch(String words) {
        return new CaseQuery(status, worker, Optional.of(words), sort, limit, offset);
    }

    public CaseQuery sortedBy(Sort next) {
        return new CaseQuery(status, worker, search, next, limit, offset);
    }

    public CaseQuery page(int nextLimit, int nextOffset) {
        return new CaseQuery(status, worker, search, sort, nextLimit, nextOffset);
    }
}
