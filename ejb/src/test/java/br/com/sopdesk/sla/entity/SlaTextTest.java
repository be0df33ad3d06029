package br.com.sopdesk.sla.entity;

import static br.com.sopdesk.sla.entity.SlaTime.SP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.platform.Text;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlaTextTest {

    @Test
    void aTextReadsBackAsItWasStoredInEitherLanguage() {
        SlaText resumed = SlaText.of("event.RESUMED", SlaText.span(Duration.ofMinutes(125)), SlaText.zoned(SlaTime.sp("2025-11-19T06:00")));
        SlaText back = SlaText.decode(resumed.encoded());
        assertEquals(resumed, back);
        assertEquals("Relógio retomado após 2 h 5 min de pausa; novo prazo 19/11/2025 06:00 (horário de Brasília)", back.render(SlaText.PT, SP));
        assertEquals("Clock resumed after a pause of 2 h 5 min; new deadline 2025-11-19 06:00 (Brasilia Time)", back.render(Locale.ENGLISH, SP));
    }

    @Test
    void aLongTextIsCutInItsWordsNeverInItsCodesToFitItsColumn() {
        String comment = "\"aspas\" e \\barras\\ ".repeat(100);
        SlaText ack = SlaText.of("event.ACKNOWLEDGED", SlaText.text("BREACH"), SlaText.text("supervisor"), SlaText.text(comment));
        String stored = ack.encoded(1000);
        assertTrue(stored.length() <= 1000, "fits: " + stored.length());
        String shown = SlaText.decode(stored).render(SlaText.PT, SP);
        assertTrue(shown.startsWith("Alerta BREACH reconhecido por supervisor: \"aspas\" e \\barras\\ ") && shown.endsWith("…"), shown);
    }

    @Test
    void aSentenceWrittenBeforeCodesIsShownAsWritten() {
        assertEquals("Prazo de retorno vencido", SlaText.decode("Prazo de retorno vencido").render(Locale.ENGLISH, SP));
        assertEquals("[anonimizado]", SlaText.decode("[anonimizado]").render(Locale.ENGLISH, SP), "what retention leaves");
        assertEquals("", SlaText.decode(null).render(SlaText.PT, SP));
        SlaText written = SlaText.written("{\"k\": not json");
        assertEquals("{\"k\": not json", SlaText.decode(written.encoded()).render(SlaText.PT, SP));
    }

    @Test
    void qualitorsRefusalOnTheTimelineReadsInTheReadersLanguage() {
        SlaText failed = SlaText.decode(SlaText.of("event.SYNC_FAILED", SlaText.wording(Text.of("qualitor.failure.unavailable"))).encoded());
        assertTrue(failed.render(SlaText.PT, SP).contains("Qualitor indisponível; pode ser pedido de novo"), failed.render(SlaText.PT, SP));
        assertTrue(failed.render(Locale.ENGLISH, SP).contains("Qualitor unavailable; it may be asked again"), failed.render(Locale.ENGLISH, SP));
        SlaText verbatim = SlaText.of("event.SYNC_FAILED", SlaText.wording(Text.verbatim("Ws - Chamado não encontrado")));
        assertTrue(verbatim.render(Locale.ENGLISH, SP).contains("Ws - Chamado não encontrado"), "Qualitor's own words stay as they came");
    }
}
