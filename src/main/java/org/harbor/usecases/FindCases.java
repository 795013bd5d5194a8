package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Session;
import org.harbor.accounts.User;
import org.harbor.cases.CaseQuery;
import org.harbor.cases.CaseService;
import org.harbor.cases.CaseSummary;

/** The cases a user may see, a page at a time, with the total, and the workers to filter by. */
public final class FindCases {

    /** One page of cases and how many match in all. */
    public record Page(List<CaseSummary> rows, int total) {
    }

    private final CaseService cases;
    private final AccountService accounts;

    public FindCases(CaseService cases, AccountService accounts) {
        this.cases = cases;
        this.accounts = accounts;
    }

    /** The page {@code query} asks for and the number of all its matches. */
    public Page find(Session session, CaseQuery query) {
        return new Page(cases.list(session, query), cases.count(session, query));
    }

    /** Only the page: for loading more rows of a question whose total is known. */
    public List<CaseSummary> more(Session session, CaseQuery query) {
        return cases.list(session, query);
    }

    /** The accounts whose cases a supervisor may narrow the list to. */
    public List<User> workers(Session supervisor) {
        return accounts.listUsers(supervisor);
    }
}
