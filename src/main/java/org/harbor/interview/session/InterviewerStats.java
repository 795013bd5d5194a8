package org.harbor.interview.session;

import java.time.Instant;
import java.util.List;

/**
 * One interviewer's finished interviews in a period, for a supervisor's coaching: figures only,
 * never words of an interview.
 *
 * @param interviews the interviews in the order they started
 */
public record InterviewerStats(long userId, String username, List<Point> interviews) {

    public InterviewerStats {
        interviews = List.copyOf(interviews);
    }

    /**
     * One finished interview. {@code pairingRate} is null when no focused question was asked;
     * {@code severeHarm} is the interviewer's mark, made when ending it, that the child disclosed severe harm.
     */
    public record Point(String sessionId, Instant startedAt, int questions, double openShare, Double pairingRate,
                        int breaks, long totalMillis, boolean severeHarm) {
    }

    public int questions() {
        return interviews.stream().mapToInt(Point::questions).sum();
    }

    /** Open prompts (INV + CINV) among all questions of the period, weighted by question; 0 with none. */
    public double openShare() {
        int total = questions();
        if (total == 0) {
            return 0.0;
        }
        double open = interviews.stream().mapToDouble(p -> p.openShare() * p.questions()).sum();
        return open / total;
    }

    /** The mean pairing rate of the interviews that had focused questions, or null if none had. */
    public Double pairingRate() {
        return interviews.stream().map(Point::pairingRate).filter(r -> r != null)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "InterviewerStats[user=" + userId + ", interviews=" + interviews.size() + "]";
    }
}
