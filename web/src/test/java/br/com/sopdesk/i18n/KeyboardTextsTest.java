package br.com.sopdesk.i18n;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts overlay and the dashboard's refresh toggle speak both languages: every text the
 * pages ask for is in the pt-BR bundle and in the English one, translated rather than copied.
 */
class KeyboardTextsTest {

    private static final Pattern ASKED = Pattern.compile("msg\\['((?:keys|sla\\.refresh)\\.[A-Za-z.]+)'\\]");

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = KeyboardTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyShortcutTextThePagesAskForIsInBothLanguages() throws IOException {
        Properties pt = bundle("br/com/sopdesk/i18n/messages_pt.properties");
        Properties en = bundle("br/com/sopdesk/i18n/messages.properties");
        TreeSet<String> asked = new TreeSet<>();
        for (String page : List.of("WEB-INF/templates/layout.xhtml", "supervisor/index.xhtml")) {
            Matcher m = ASKED.matcher(Files.readString(Path.of("src/main/webapp", page)));
            while (m.find()) {
                asked.add(m.group(1));
            }
        }
        assertFalse(asked.isEmpty(), "the pages ask for the overlay's texts");
        for (String key : asked) {
            assertNotNull(pt.getProperty(key), "pt-BR: " + key);
            assertNotNull(en.getProperty(key), "English: " + key);
            assertFalse(pt.getProperty(key).isBlank() || en.getProperty(key).isBlank(), key);
            assertNotEquals(pt.getProperty(key), en.getProperty(key), "translated, not copied: " + key);
        }
    }
}
