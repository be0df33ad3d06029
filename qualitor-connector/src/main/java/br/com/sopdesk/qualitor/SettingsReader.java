package br.com.sopdesk.qualitor;

import br.com.sopdesk.qualitor.QualitorSettings.Datum;
import br.com.sopdesk.qualitor.QualitorSettings.Encoding;
import br.com.sopdesk.qualitor.QualitorSettings.Key;
import br.com.sopdesk.qualitor.QualitorSettings.Mode;
import br.com.sopdesk.qualitor.QualitorSettings.WsdlFile;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the text values an administrator typed or MicroProfile Config holds, by {@link Key}, into
 * {@link QualitorSettings}: checks each value (saying what is wrong with it) and reads it. Apart
 * from the settings record, which says what the settings are, so that how they are spelled as text
 * is read in one place.
 */
final class SettingsReader {

    private SettingsReader() {
    }

    /**
     * Settings from a source of values by key, each absent one taking its default. The legacy
     * {@code qualitor.xml-declaration=false} means UTF-8 without declaration when
     * {@code qualitor.encoding} is not set.
     *
     * @throws IllegalArgumentException naming the key of a value that cannot be read
     */
    static QualitorSettings read(Function<String, Optional<String>> source, String password) {
        Function<Key, String> get = k -> source.apply(k.key()).map(String::strip).orElse(k.defaultValue());
        for (Key k : Key.values()) {
            Optional<Wording> problem = source.apply(k.key()).flatMap(k::problem);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(k.key() + ": " + problem.get());
            }
        }
        Encoding encoding = source.apply(Key.ENCODING.key()).isPresent() ? parseEncoding(get.apply(Key.ENCODING))
                : source.apply("qualitor.xml-declaration").map(SettingsReader::legacyDeclaration).orElse(Encoding.ISO_8859_1);
        Map<Datum, String> extra = new EnumMap<>(Datum.class);
        extra.put(Datum.PHONE1, get.apply(Key.EXTRA_PHONE1));
        extra.put(Datum.PHONE2, get.apply(Key.EXTRA_PHONE2));
        extra.put(Datum.EMAIL, get.apply(Key.EXTRA_EMAIL));
        extra.put(Datum.DOCUMENT, get.apply(Key.EXTRA_DOCUMENT));
        extra.put(Datum.SOP, get.apply(Key.EXTRA_SOP));
        extra.put(Datum.CERTIFICATE, get.apply(Key.EXTRA_CERTIFICATE));
        return new QualitorSettings(URI.create(get.apply(Key.URL)), get.apply(Key.USER), password == null ? "" : password,
                get.apply(Key.COMPANY),
                Duration.ofMillis(Long.parseLong(get.apply(Key.CONNECT_TIMEOUT))),
                Duration.ofMillis(Long.parseLong(get.apply(Key.READ_TIMEOUT))),
                encoding, parseMode(get.apply(Key.MODE)), get.apply(Key.HISTORY_TYPE), get.apply(Key.DEFAULT_CONTACT),
                parseWsdlFile(get.apply(Key.WSDL_FILE)), get.apply(Key.SOAP_WSDL), get.apply(Key.PERIOD_TYPE),
                parseBoolean(get.apply(Key.ATTACHMENT_PRIVATE)), extra);
    }

    /** What is wrong with a value typed for {@code key}, or empty when it is fine. */
    static Optional<Wording> problem(Key key, String value) {
        String v = value == null ? "" : value.strip();
        try {
            switch (key) {
                case URL -> {
                    URI u = URI.create(v);
                    if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                        return Optional.of(Wording.of("connector.setting.url"));
                    }
                }
                case USER, COMPANY -> {
                    if (v.isEmpty()) {
                        return Optional.of(Wording.of("connector.setting.required"));
                    }
                }
                case MODE -> parseMode(v);
                case ENCODING -> parseEncoding(v);
                case WSDL_FILE -> parseWsdlFile(v);
                case SOAP_WSDL -> {
                    if (!v.contains("{service}")) {
                        return Optional.of(Wording.of("connector.setting.soap-wsdl"));
                    }
                }
                case CONNECT_TIMEOUT, READ_TIMEOUT -> {
                    long ms = Long.parseLong(v);
                    if (ms < 100 || ms > 120_000) {
                        return Optional.of(Wording.of("connector.setting.timeout"));
                    }
                }
                case ATTACHMENT_PRIVATE -> parseBoolean(v);
                case REFERENCE_DEMANDS -> {
                    if (!v.isEmpty() && !v.matches("[0-9]{1,20}(\\s*,\\s*[0-9]{1,20})*")) {
                        return Optional.of(Wording.of("connector.setting.demands"));
                    }
                }
                case REFERENCE_CUSTOMER -> {
                    if (!v.isEmpty() && !v.replaceAll("[.\\-/\\s]", "").matches("[0-9A-Za-z]{11,14}")) {
                        return Optional.of(Wording.of("connector.setting.document"));
                    }
                }
                case FINISHED_SITUATIONS -> {
                    if (!v.isEmpty() && !v.matches("[^,;\\p{Cntrl}]{1,80}(\\s*[,;]\\s*[^,;\\p{Cntrl}]{1,80})*")) {
                        return Optional.of(Wording.of("connector.setting.situations"));
                    }
                }
                default -> {
                    if (!v.isEmpty() && !v.matches("[0-9A-Za-z_-]{1,20}")) {
                        return Optional.of(Wording.of("connector.setting.code"));
                    }
                }
            }
        } catch (InvalidSetting e) {
            return Optional.of(e.wording);
        } catch (IllegalArgumentException e) {
            return Optional.of(Wording.of("connector.setting.invalid"));
        }
        return Optional.empty();
    }

    private static Encoding legacyDeclaration(String value) {
        try {
            return parseBoolean(value) ? Encoding.ISO_8859_1 : Encoding.UTF_8;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("qualitor.xml-declaration: " + e.getMessage(), e);
        }
    }

    static Mode parseMode(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "stateless" -> Mode.STATELESS;
            case "soap" -> Mode.SOAP;
            default -> throw new InvalidSetting(Wording.of("connector.setting.mode", value));
        };
    }

    static Encoding parseEncoding(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT).replace("_", "-")) {
            case "iso-8859-1", "latin1", "latin-1" -> Encoding.ISO_8859_1;
            case "utf-8", "utf8" -> Encoding.UTF_8;
            default -> throw new InvalidSetting(Wording.of("connector.setting.encoding", value));
        };
    }

    static WsdlFile parseWsdlFile(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "suffixed" -> WsdlFile.SUFFIXED;
            case "lowercase" -> WsdlFile.LOWERCASE;
            case "bare" -> WsdlFile.BARE;
            default -> throw new InvalidSetting(Wording.of("connector.setting.wsdl-file", value));
        };
    }

    static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "sim", "s", "yes" -> true;
            case "false", "nao", "não", "n", "no", "" -> false;
            default -> throw new InvalidSetting(Wording.of("connector.setting.boolean", value));
        };
    }

    /** A value that is not one of a setting's words; its message is the pt-BR sentence (startup log). */
    static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Wording wording;

        InvalidSetting(Wording wording) {
            super(wording.toString());
            this.wording = wording;
        }
    }
}
