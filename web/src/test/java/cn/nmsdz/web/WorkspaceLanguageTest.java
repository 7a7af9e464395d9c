package cn.nmsdz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The workspace in two languages: every text of a page lives in a message bundle whose Chinese is the interface and
 * whose English is {@code messages/<name>_en.properties}, so a template holds no Chinese of its own and no English is
 * missing.
 */
class WorkspaceLanguageTest {
    private static final Path SOURCES = Path.of("src/main/java/cn/nmsdz/web");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** The workspace's bundle interfaces, found by their annotation in the sources. */
    static List<Class<?>> bundles() throws IOException, ClassNotFoundException {
        List<Class<?>> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.sorted().toList()) {
                if (Files.readString(file).contains("@MessageBundle(")) {
                    String name = file.getFileName().toString().replace(".java", "");
                    bundles.add(Class.forName("cn.nmsdz.web." + name));
                }
            }
        }
        return bundles;
    }

    @Test
    void everyTextOfEveryBundleHasItsEnglishAndNoEnglishTextIsLeftOver() throws Exception {
        List<Class<?>> bundles = bundles();
        assertTrue(bundles.contains(Msg.class), "the common bundle is found: " + bundles);
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties english = new Properties();
            try (Reader in = Files.newBufferedReader(MESSAGES.resolve(name + "_en.properties"), StandardCharsets.UTF_8)) {
                english.load(in);
            }
            Set<String> keys = new TreeSet<>();
            for (Method m : bundle.getDeclaredMethods()) {
                keys.add(m.getName());
                String chinese = m.getAnnotation(Message.class).value();
                String words = chinese.replaceAll("\\{[^}]*}", "");
                assertTrue(HAN.matcher(words).find() || !words.matches("(?s).*[A-Za-z]{4,}.*"),
                        name + "." + m.getName() + " is Chinese in the interface: " + chinese);
                String text = english.getProperty(m.getName());
                assertTrue(text != null && !text.isBlank(), name + "_en.properties lacks " + m.getName());
                assertFalse(HAN.matcher(text).find(), name + "_en.properties: " + m.getName() + " is not English: " + text);
                assertEquals(parameters(chinese), parameters(text), name + "." + m.getName() + ": the same values in both");
            }
            assertEquals(keys, new TreeSet<>(english.stringPropertyNames()), name + "_en.properties has exactly the keys of "
                    + bundle.getSimpleName());
        }
    }

    /** The {name} values a text shows. */
    private static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void noTemplateHoldsChineseOfItsOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file)
                        .replaceAll("(?s)\\{!.*?!}", "") // comments
                        .replaceAll("\\{[^{}]*}", "") // expressions and sections: their values come from elsewhere
                        .replace(">中文</a>", ">…</a>"); // the language switch names Chinese in Chinese
                Matcher han = Pattern.compile("\\p{IsHan}+").matcher(text);
                while (han.find()) {
                    found.add(file.getFileName() + ": " + han.group());
                }
            }
        }
        assertEquals(List.of(), found, "Chinese written into a template instead of its bundle");
    }

    @Test
    void theLanguageSwitchLeadsBackToTheWorkspacePageItWasChosenOn() {
        assertEquals("/web/board?year=2025", LanguageChoice.back("http://localhost:8080/web/board?year=2025&lang=zh"));
        assertEquals("/web/overview", LanguageChoice.back("https://gw.example/web/overview?lang=en"));
        assertEquals("/web/", LanguageChoice.back(null));
        assertEquals("/web/", LanguageChoice.back("https://evil.example/elsewhere"));
        assertEquals("/web/", LanguageChoice.back("http://localhost:8080/web/language?lang=en"));
        assertEquals("/web/", LanguageChoice.back("not a uri \u0000"));
    }

    @Test
    void aLanguageIsZhOrEn() {
        assertEquals(Lang.Language.EN, Lang.Language.of("en-US"));
        assertEquals(Lang.Language.ZH, Lang.Language.of("zh_CN"));
        assertEquals(null, Lang.Language.of("fr"));
        assertEquals(null, Lang.Language.of(null));
    }
}
