package org.harbor.interview.profile;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An interview protocol as data: its phases in order, each with a goal, a checklist and
 * suggested open prompts, all paraphrased from the sources it cites.
 *
 * @param id         the file name without ".json", e.g. {@code "nichd-revised"}
 * @param version    the content version, raised whenever the wording changes
 * @param name       the protocol's name
 * @param audience   whom the protocol was written for
 * @param sources    what the profile paraphrases; every prompt names one of these
 * @param phases     the steps in the protocol's order, ids unique
 * @param reluctance what to do when the interviewee stays reluctant
 */
public record ProtocolProfile(String id, String version, LocalizedText name, Audience audience,
                              List<Citation> sources, List<Phase> phases, ReluctancePath reluctance) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ProtocolProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(audience, "audience");
        sources = List.copyOf(sources);
        phases = List.copyOf(phases);
        Objects.requireNonNull(reluctance, "reluctance");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("profile id '" + id + "' is not written like-this");
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("the version is blank");
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("the profile has no phases");
        }
        Set<String> tags = uniqueTags(sources);
        checkPhaseIds(phases);
        checkPromptSources(phases, tags);
        if (!tags.contains(reluctance.source())) {
            throw new IllegalArgumentException("the reluctance path cites " + reluctance.source()
                    + ", which is not among the profile's sources");
        }
        if (phases.stream().noneMatch(p -> p.id().equals(reluctance.returnToPhase()))) {
            throw new IllegalArgumentException("the reluctance path returns to phase "
                    + reluctance.returnToPhase() + ", which the profile does not have");
        }
    }

    private static Set<String> uniqueTags(List<Citation> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("the profile cites no sources");
        }
        Set<String> tags = new HashSet<>();
        for (Citation source : sources) {
            if (!tags.add(source.tag())) {
                throw new IllegalArgumentException("source " + source.tag() + " is listed twice");
            }
        }
        return tags;
    }

    private static void checkPhaseIds(List<Phase> phases) {
        Set<String> seen = new HashSet<>();
        for (Phase phase : phases) {
            if (!seen.add(phase.id())) {
                throw new IllegalArgumentException("phase id " + phase.id() + " appears twice");
            }
        }
    }

    private static void checkPromptSources(List<Phase> phases, Set<String> tags) {
        for (Phase phase : phases) {
            for (Prompt prompt : phase.prompts()) {
                if (!tags.contains(prompt.source())) {
                    throw new IllegalArgumentException("a prompt of phase " + phase.id() + " cites "
                            + prompt.source() + ", which is not among the profile's sources");
                }
            }
        }
    }

    public Optional<Phase> phase(String phaseId) {
        return phases.stream().filter(p -> p.id().equals(phaseId)).findFirst();
    }

    /** The phases a new interview starts with: all but the optional ones switched off. */
    public List<Phase> enabledByDefault() {
        return phases.stream().filter(Phase::defaultEnabled).toList();
    }
}
