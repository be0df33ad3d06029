package br.com.sopdesk.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiLocaleTest {

    @Test
    void englishFirstInTheHeaderAnswersInEnglish() {
        assertEquals(Locale.ENGLISH, ApiLocale.of("en-US,en;q=0.9,pt;q=0.5"));
    }

    @Test
    void noHeaderAnUnreadableOneOrOtherLanguagesAnswerInPortuguese() {
        assertEquals(ApiLocale.PT_BR, ApiLocale.of((String) null));
        assertEquals(ApiLocale.PT_BR, ApiLocale.of("fr-FR,de;q=0.8"));
        assertEquals(ApiLocale.PT_BR, ApiLocale.of(";;q=x,\u0000"));
        assertEquals(ApiLocale.PT_BR, ApiLocale.of("pt-BR,en;q=0.5"));
    }

    @Test
    void theThrottleSaysHowLongToWaitInEachLanguage() {
        assertEquals("Muitas tentativas de acesso sem sucesso. Tente novamente em 1 segundo.",
                ApiMessages.text(ApiLocale.PT_BR, "login.throttled.seconds", 1L));
        assertEquals("Muitas tentativas de acesso sem sucesso. Tente novamente em 5 minutos.",
                ApiMessages.text(ApiLocale.PT_BR, "login.throttled.minutes", 5L));
        assertEquals("Too many failed sign-in attempts. Try again in 30 seconds.",
                ApiMessages.text(Locale.ENGLISH, "login.throttled.seconds", 30L));
    }
}
