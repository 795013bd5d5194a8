package org.harbor.interview.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol profiles bundled with Harbor, read from
 * {@code org/harbor/interview/profiles/} on the class path. {@code index.txt} there lists the
 * profile ids, one a line, in the order they are offered; {@code <id>.json} holds each.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class ProfileLibrary {

    static final String FOLDER = "/org/harbor/interview/profiles/";
    static final String INDEX = "index.txt";

    /** The default when the case is treated as a child's (DOMAIN.md R19: presume a child when in doubt). */
    public static final String CHILD_DEFAULT = "nichd-revised";
    public static final String ADULT_DEFAULT = "peace";

    private final Map<String, ProtocolProfile> byId;
    private final List<String> ids;

    ProfileLibrary(List<ProtocolProfile> profiles) {
        Map<String, ProtocolProfile> map = new LinkedHashMap<>();
        for (ProtocolProfile profile : profiles) {
            if (map.putIfAbsent(profile.id(), profile) != null) {
                throw new IllegalArgumentException("Two protocol profiles have the id " + profile.id());
            }
        }
        this.byId = Map.copyOf(map);
        this.ids = List.copyOf(map.keySet());
        for (String required : List.of(CHILD_DEFAULT, ADULT_DEFAULT)) {
            if (!byId.containsKey(required)) {
                throw new IllegalArgumentException("The default protocol profile " + required + " is missing");
            }
        }
    }

    /**
     * Loads every bundled profile.
     *
     * @throws ProfileException if the index or any profile is missing or malformed
     */
    public static ProfileLibrary bundled() {
        List<ProtocolProfile> profiles = bundledIds().stream().map(ProfileLibrary::loadBundled).toList();
        try {
            return new ProfileLibrary(profiles);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(INDEX, e.getMessage(), e);
        }
    }

    static List<String> bundledIds() {
        try (InputStream in = ProfileLibrary.class.getResourceAsStream(FOLDER + INDEX)) {
            if (in == null) {
                throw new ProfileException(INDEX, "the list of bundled profiles is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new ProfileException(INDEX, "the list of bundled profiles cannot be read", e);
        }
    }

    private static ProtocolProfile loadBundled(String id) {
        String file = id + ProfileReader.SUFFIX;
        try (InputStream in = ProfileLibrary.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new ProfileException(file, "it is listed in " + INDEX + " but not bundled");
            }
            return ProfileReader.read(file, in);
        } catch (IOException e) {
            throw new ProfileException(file, "the file cannot be read", e);
        }
    }

    /** All profiles, in the order of the index. */
    public List<ProtocolProfile> all() {
        return ids.stream().map(byId::get).toList();
    }

    public List<String> ids() {
        return ids;
    }

    public Optional<ProtocolProfile> find(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /** @throws IllegalArgumentException for an id that is not bundled */
    public ProtocolProfile get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No protocol profile has the id " + id));
    }

    /** NICHD-revised when the case is treated as a child's, PEACE otherwise. */
    public ProtocolProfile defaultFor(boolean treatedAsChild) {
        return get(treatedAsChild ? CHILD_DEFAULT : ADULT_DEFAULT);
    }
}
