package org.harbor.interview.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one protocol profile file and checks it: the JSON shape, every text in English, Spanish
 * and Arabic, and the rules of {@link ProtocolProfile} and {@link Phase}. Whatever is wrong
 * comes out as a {@link ProfileException} naming the file and the problem.
 */
final class ProfileReader {

    static final String SUFFIX = ".json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> PROFILE_FIELDS =
            Set.of("id", "version", "name", "audience", "sources", "phases", "reluctance");
    private static final Set<String> CITATION_FIELDS = Set.of("tag", "reference");
    private static final Set<String> PHASE_FIELDS = Set.of("id", "name", "goal", "checklist", "prompts",
            "withInterviewee", "optional", "defaultEnabled", "caution", "clarificationOnly");
    private static final Set<String> PROMPT_FIELDS = Set.of("text", "source");
    private static final Set<String> RELUCTANCE_FIELDS =
            Set.of("returnToPhase", "scheduleSecondSession", "note", "supportiveStatements", "source");

    private ProfileReader() {
    }

    static ProtocolProfile read(Path file) {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (IOException e) {
            throw new ProfileException(name, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a profile from a stream, which the caller closes; fileName is used in messages and must match the id. */
    static ProtocolProfile read(String fileName, InputStream in) {
        JsonNode tree = parse(fileName, in);
        try {
            ProtocolProfile profile = profile(JsonFields.root(tree));
            String expected = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
            if (!profile.id().equals(expected)) {
                throw new IllegalArgumentException("its id '" + profile.id() + "' does not match the file name");
            }
            return profile;
        } catch (IllegalArgumentException e) {
            throw new ProfileException(fileName, e.getMessage(), e);
        }
    }

    private static JsonNode parse(String fileName, InputStream in) {
        try {
            JsonNode tree = JSON.readTree(in);
            if (tree == null || tree.isMissingNode()) {
                throw new ProfileException(fileName, "the file is empty");
            }
            if (!tree.isObject()) {
                throw new ProfileException(fileName, "the file does not hold a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProfileException(fileName, "it is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileException(fileName, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static ProtocolProfile profile(JsonFields root) {
        root.allowOnly(PROFILE_FIELDS);
        List<Citation> sources = root.objects("sources").stream().map(ProfileReader::citation).toList();
        List<Phase> phases = root.objects("phases").stream().map(ProfileReader::phase).toList();
        return new ProtocolProfile(root.text("id"), root.text("version"), root.localized("name"),
                audience(root.text("audience")), sources, phases, reluctance(root.object("reluctance")));
    }

    private static Audience audience(String value) {
        for (Audience audience : Audience.values()) {
            if (audience.name().toLowerCase(Locale.ROOT).equals(value)) {
                return audience;
            }
        }
        throw new IllegalArgumentException("audience: '" + value + "' is neither 'child' nor 'adult'");
    }

    private static Citation citation(JsonFields node) {
        node.allowOnly(CITATION_FIELDS);
        return new Citation(node.text("tag"), node.text("reference"));
    }

    private static Phase phase(JsonFields node) {
        node.allowOnly(PHASE_FIELDS);
        List<Prompt> prompts = node.objects("prompts").stream().map(ProfileReader::prompt).toList();
        return new Phase(node.text("id"), node.localized("name"), node.localized("goal"),
                node.localizedList("checklist"), prompts, node.flag("withInterviewee", true),
                node.flag("optional", false), node.flag("defaultEnabled", true),
                node.optionalLocalized("caution"), node.flag("clarificationOnly", false));
    }

    private static Prompt prompt(JsonFields node) {
        node.allowOnly(PROMPT_FIELDS);
        return new Prompt(node.localized("text"), node.text("source"));
    }

    private static ReluctancePath reluctance(JsonFields node) {
        node.allowOnly(RELUCTANCE_FIELDS);
        return new ReluctancePath(node.text("returnToPhase"), node.flag("scheduleSecondSession", false),
                node.localized("note"), node.localizedList("supportiveStatements"), node.text("source"));
    }
}
