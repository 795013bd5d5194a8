package org.harbor.interview.session;

import java.util.Map;

/**
 * What an interview looked like, stored with its session: how many of each question type and
 * their share, the share of open prompts, how often a focused question was followed by an open
 * one, breaks, and time per phase. Counts only: no words of the interview.
 *
 * @param pairingRate null when no focused question was asked
 */
public record InterviewSummary(int questions, Map<String, Integer> counts, Map<String, Double> shares,
                               double openShare, Double pairingRate, int breaks, Map<String, Long> phaseMillis,
                               long totalMillis) {

    public InterviewSummary {
        counts = Map.copyOf(counts);
        shares = Map.copyOf(shares);
        phaseMillis = Map.copyOf(phaseMillis);
    }
}
