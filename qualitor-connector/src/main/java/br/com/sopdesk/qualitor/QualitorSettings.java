package br.com.sopdesk.qualitor;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How SOP Desk reaches one Qualitor installation. Everything that differs between installations is
 * here, by key ({@link Key}): the application keeps the administrator's values in its database with
 * these MicroProfile Config keys as their defaults; the password only ever comes from MicroProfile
 * Config (a Payara password alias or the environment), never from the database or the repository.
 *
 * @param baseUri           the installation root, without {@code /ws/...}
 * @param encoding          how the {@code <wsqualitor>} documents are written ({@link Encoding})
 * @param mode              stateless form posts or SOAP services
 * @param historyType       {@code cdtipoacompanhamento} of the history entries SOP Desk writes
 * @param defaultContact    the {@code cdcontato} used when the customer's e-mail is not a contact
 * @param wsdlFile          how the stateless endpoint's {@code wsdl_file} is spelled
 * @param soapWsdl          where the SOAP services' WSDLs are, relative to {@code baseUri}
 * @param periodType        {@code Idtipoperiodo} sent with the period of {@code getTicket}
 * @param attachmentPrivate whether attachments are sent as private ({@code idprivado})
 * @param extraInfo         which SOP Desk datum goes to which {@code vlinformacaoadicionalNN}; a datum
 *                          absent here is written in the ticket text
 */
public record QualitorSettings(URI baseUri, String user, String password, String company,
                               Duration connectTimeout, Duration readTimeout, Encoding encoding, Mode mode,
                               String historyType, String defaultContact, WsdlFile wsdlFile, String soapWsdl,
                               String periodType, boolean attachmentPrivate, Map<Datum, String> extraInfo) {

    /** How SOP Desk talks to Qualitor; the same {@code <wsqualitor>} documents travel either way. */
    public enum Mode {
        /** Form post to {@code ws/statelessws.php}, credentials on every call. */
        STATELESS,
        /** SOAP 1.1 services described by their WSDLs, with a login token per service. */
        SOAP
    }

    /**
     * The two encodings real clients use: UTF-8 without an XML declaration (the PHP library since
     * its fix for Qualitor 8.10.09) and ISO-8859-1 with its declaration (the vendor's page, the C#
     * client). Characters the encoding cannot carry travel as numeric character references.
     */
    public enum Encoding {
        ISO_8859_1(java.nio.charset.StandardCharsets.ISO_8859_1, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"),
        UTF_8(java.nio.charset.StandardCharsets.UTF_8, "");

        private final java.nio.charset.Charset charset;
        private final String declaration;

        Encoding(java.nio.charset.Charset charset, String declaration) {
            this.charset = charset;
            this.declaration = declaration;
        }

        public java.nio.charset.Charset charset() {
            return charset;
        }

        String declaration() {
            return declaration;
        }

        /** Whether the character travels as itself (otherwise as a character reference). */
        boolean carries(int codePoint) {
            return this == UTF_8 || codePoint <= 0xFF;
        }
    }

    /** How {@code wsdl_file} is spelled on the stateless endpoint; public clients use the suffixed forms. */
    public enum WsdlFile {
        /** {@code WSTicket.wsdl} */
        SUFFIXED,
        /** {@code wsticket.wsdl} */
        LOWERCASE,
        /** {@code WSTicket} */
        BARE;

        String spell(String service) {
            return switch (this) {
                case SUFFIXED -> service + ".wsdl";
                case LOWERCASE -> service.toLowerCase(Locale.ROOT) + ".wsdl";
                case BARE -> service;
            };
        }
    }

    /** The data SOP Desk sends beside the problem text, each mappable to an extra-information code. */
    public enum Datum { PHONE1, PHONE2, EMAIL, DOCUMENT, SOP, CERTIFICATE }

    /** The installation settings, by MicroProfile Config key, with their defaults. */
    public enum Key {
        URL("qualitor.url", "http://localhost:8080/qualitor-sandbox"),
        USER("qualitor.user", "integracao"),
        COMPANY("qualitor.company", "1"),
        MODE("qualitor.mode", "stateless"),
        ENCODING("qualitor.encoding", "iso-8859-1"),
        WSDL_FILE("qualitor.wsdl-file", "suffixed"),
        SOAP_WSDL("qualitor.soap.wsdl", "ws/services/{group}/{service}.wsdl"),
        CONNECT_TIMEOUT("qualitor.connect-timeout-ms", "2000"),
        READ_TIMEOUT("qualitor.read-timeout-ms", "5000"),
        HISTORY_TYPE("qualitor.history-type", "1"),
        DEFAULT_CONTACT("qualitor.default-contact", ""),
        PERIOD_TYPE("qualitor.period-type", "1"),
        ATTACHMENT_PRIVATE("qualitor.attachment-private", "false"),
        EXTRA_PHONE1("qualitor.extra.phone1", ""),
        EXTRA_PHONE2("qualitor.extra.phone2", ""),
        EXTRA_EMAIL("qualitor.extra.email", ""),
        EXTRA_DOCUMENT("qualitor.extra.document", ""),
        EXTRA_SOP("qualitor.extra.sop", ""),
        EXTRA_CERTIFICATE("qualitor.extra.certificate", ""),
        REFERENCE_DEMANDS("qualitor.check.reference-demands", ""),
        REFERENCE_CUSTOMER("qualitor.check.reference-customer", ""),
        /** The workflow step ({@code cdetapa}) a restarted demand is moved to ({@code setTicketNextStep}); empty: not moved. */
        RESTART_STEP("qualitor.restart-step", ""),
        /** Qualitor situation names (comma-separated) of a finished demand, the only ones that can be restarted. */
        FINISHED_SITUATIONS("qualitor.finished-situations", "Encerrado");

        private final String key;
        private final String defaultValue;

        Key(String key, String defaultValue) {
            this.key = key;
            this.defaultValue = defaultValue;
        }

        public String key() {
            return key;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public static Optional<Key> of(String key) {
            for (Key k : values()) {
                if (k.key.equals(key)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** Checks a value the administrator typed; returns the problem, or empty when it is fine. */
        public Optional<Wording> problem(String value) {
            return SettingsReader.problem(this, value);
        }
    }

    public QualitorSettings {
        mode = mode == null ? Mode.STATELESS : mode;
        encoding = encoding == null ? Encoding.ISO_8859_1 : encoding;
        wsdlFile = wsdlFile == null ? WsdlFile.SUFFIXED : wsdlFile;
        soapWsdl = soapWsdl == null || soapWsdl.isBlank() ? Key.SOAP_WSDL.defaultValue() : soapWsdl.strip();
        historyType = blankToNull(historyType) == null ? "1" : historyType.strip();
        defaultContact = blankToNull(defaultContact);
        periodType = blankToNull(periodType) == null ? "1" : periodType.strip();
        Map<Datum, String> extra = new EnumMap<>(Datum.class);
        if (extraInfo != null) {
            extraInfo.forEach((d, code) -> {
                if (blankToNull(code) != null) {
                    extra.put(d, code.strip());
                }
            });
        }
        extraInfo = java.util.Collections.unmodifiableMap(extra);
    }

    /** Settings with today's defaults for everything past the transport (tests, tools). */
    public QualitorSettings(URI baseUri, String user, String password, String company,
                            Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration, Mode mode) {
        this(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration ? Encoding.ISO_8859_1 : Encoding.UTF_8,
                mode, null, null, null, null, null, false, Map.of());
    }

    /** Settings in the default (stateless) mode. */
    public QualitorSettings(URI baseUri, String user, String password, String company,
                            Duration connectTimeout, Duration readTimeout, boolean xmlDeclaration) {
        this(baseUri, user, password, company, connectTimeout, readTimeout, xmlDeclaration, Mode.STATELESS);
    }

    /** The same settings in another mode. */
    public QualitorSettings withMode(Mode other) {
        return copy(c -> c.mode = other);
    }

    /** The same settings with another default contact (null: none). */
    public QualitorSettings withDefaultContact(String contact) {
        return copy(c -> c.defaultContact = contact);
    }

    /** The same settings with another encoding. */
    public QualitorSettings withEncoding(Encoding other) {
        return copy(c -> c.encoding = other);
    }

    /** The same settings with another {@code wsdl_file} spelling. */
    public QualitorSettings withWsdlFile(WsdlFile other) {
        return copy(c -> c.wsdlFile = other);
    }

    /** The same settings with another WSDL location template. */
    public QualitorSettings withSoapWsdl(String template) {
        return copy(c -> c.soapWsdl = template);
    }

    /** The same settings with another extra-information mapping. */
    public QualitorSettings withExtraInfo(Map<Datum, String> mapping) {
        return copy(c -> c.extraInfo = mapping);
    }

    /** The same settings with other timeouts (the setup check uses short ones). */
    public QualitorSettings withTimeouts(Duration connect, Duration read) {
        return copy(c -> {
            c.connectTimeout = connect;
            c.readTimeout = read;
        });
    }

    private QualitorSettings copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.settings();
    }

    /** These settings' values, to change one and build again: every {@code with*} goes through it, so a new setting is added here once. */
    private static final class Copy {
        URI baseUri;
        String user;
        String password;
        String company;
        Duration connectTimeout;
        Duration readTimeout;
        Encoding encoding;
        Mode mode;
        String historyType;
        String defaultContact;
        WsdlFile wsdlFile;
        String soapWsdl;
        String periodType;
        boolean attachmentPrivate;
        Map<Datum, String> extraInfo;

        Copy(QualitorSettings s) {
            baseUri = s.baseUri;
            user = s.user;
            password = s.password;
            company = s.company;
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
            encoding = s.encoding;
            mode = s.mode;
            historyType = s.historyType;
            defaultContact = s.defaultContact;
            wsdlFile = s.wsdlFile;
            soapWsdl = s.soapWsdl;
            periodType = s.periodType;
            attachmentPrivate = s.attachmentPrivate;
            extraInfo = s.extraInfo;
        }

        QualitorSettings settings() {
            return new QualitorSettings(baseUri, user, password, company, connectTimeout, readTimeout, encoding, mode, historyType,
                    defaultContact, wsdlFile, soapWsdl, periodType, attachmentPrivate, extraInfo);
        }
    }

    /** Settings from MicroProfile Config alone. */
    public static QualitorSettings from(Config config) {
        return from(key -> config.getOptionalValue(key, String.class), config.getOptionalValue("qualitor.password", String.class).orElse(""));
    }

    /**
     * Settings from a source of values by key (the database over MicroProfile Config), each absent
     * one taking its default ({@link SettingsReader#read}).
     *
     * @throws IllegalArgumentException naming the key of a value that cannot be read
     */
    public static QualitorSettings from(Function<String, Optional<String>> source, String password) {
        return SettingsReader.read(source, password);
    }

    /** The demands the setup check reads to learn Qualitor's names for the codes in use. */
    public static List<String> referenceDemands(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s*,\\s*"));
    }

    /** The key a setting's enum value is written with (for the administrator's page and the check's fixes). */
    public static String spelling(WsdlFile w) {
        return w.name().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "QualitorSettings[" + baseUri + ", mode=" + mode + ", user=" + user + ", company=" + company + ", encoding=" + encoding
                + ", wsdl_file=" + wsdlFile + "]";
    }
}
