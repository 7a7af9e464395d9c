package cn.nmsdz.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Kafka topics of SPEC §5. Every record is keyed by region code. The names are kept in the root pom
 * ({@code nmsdz.topic.*}), which also gives them to the services' channels and to the launcher.
 */
public final class Topics {
    public static final String CATALOGUE;
    public static final String EVIDENCE;
    public static final String SCORE;

    static {
        Properties names = new Properties();
        try (InputStream in = Topics.class.getResourceAsStream("topics.properties")) {
            if (in == null) {
                throw new IllegalStateException("events' topics.properties is missing from the build");
            }
            names.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("events' topics.properties cannot be read", e);
        }
        CATALOGUE = name(names, "catalogue");
        EVIDENCE = name(names, "evidence");
        SCORE = name(names, "score");
    }

    private Topics() {
    }

    private static String name(Properties names, String key) {
        String name = names.getProperty(key);
        if (name == null || name.isBlank() || name.startsWith("@")) {
            throw new IllegalStateException("topic " + key + " not filled in by the build: " + name);
        }
        return name;
    }
}
