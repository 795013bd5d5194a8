package org.harbor.safety;

import java.time.Duration;

/**
 * One mandatory-report rule of a jurisdiction's pack (R18), read from its data file in
 * {@code org/harbor/safety/rules/}. Its texts (title, summary, steps) are message keys
 * {@code reports.rule.<id>.*} in every shipped language; the data file names the law and the page
 * it was paraphrased from.
 *
 * @param id           the rule, e.g. {@code us-federal-24h}
 * @param jurisdiction the jurisdiction a supervisor picks in Settings, e.g. {@code us-federal}
 * @param within       the time from the trigger by which the report is due
 * @param statutory    whether the law itself sets that time (false: the pack's own target)
 * @param citation     the law, as cited
 * @param source       where the paraphrase was taken from
 * @param steps        how many checklist steps the rule has ({@code reports.rule.<id>.step1} …)
 */
public record ReportRule(String id, String jurisdiction, Duration within, boolean statutory, String citation, String source,
                         int steps) {
}
