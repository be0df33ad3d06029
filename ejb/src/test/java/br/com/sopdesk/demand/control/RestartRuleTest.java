package br.com.sopdesk.demand.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.demand.control.RestartRule.Verdict;
import br.com.sopdesk.platform.Text;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Seed 004 restarts a finished demand only; the installation says which situations are finished; a cancelled one never. */
class RestartRuleTest {

    private static final RestartRule SANDBOX_DEFAULT = new RestartRule("Encerrado");

    @Test
    void aDemandInAFinishedSituationCanBeRestartedWhateverTheCaseOrAccents() {
        assertEquals(Verdict.FINISHED, SANDBOX_DEFAULT.of("Encerrado"));
        assertEquals(Verdict.FINISHED, SANDBOX_DEFAULT.of(" encerrado "));
        assertEquals(Verdict.FINISHED, new RestartRule("Concluído; Finalizado").of("Concluido"));
        assertEquals(Verdict.FINISHED, new RestartRule("Encerrado, Finalizado").of("Finalizado"));
        assertTrue(SANDBOX_DEFAULT.refusal("48213", "Encerrado").isEmpty());
    }

    @Test
    void anOpenDemandIsNotFinishedAndTheRefusalNamesItsSituationInBothLanguages() {
        assertEquals(Verdict.NOT_FINISHED, SANDBOX_DEFAULT.of("Aguardando atendimento"));
        assertEquals(Verdict.NOT_FINISHED, SANDBOX_DEFAULT.of("Em atendimento"));
        assertEquals(Verdict.NOT_FINISHED, SANDBOX_DEFAULT.of(null));
        Text why = SANDBOX_DEFAULT.refusal("48213", "Aguardando atendimento").orElseThrow();
        assertEquals("demand.not-finished", why.key());
        assertTrue(why.in(Text.PT_BR).contains("48213") && why.in(Text.PT_BR).contains("situação: Aguardando atendimento")
                && why.in(Text.PT_BR).contains("só uma demanda finalizada pode ser reiniciada"), why.in(Text.PT_BR));
        assertTrue(why.in(Locale.ENGLISH).contains("situation: Aguardando atendimento")
                && why.in(Locale.ENGLISH).contains("only a finished demand can be restarted"), why.in(Locale.ENGLISH));
    }

    @Test
    void aCancelledDemandIsRefusedEvenWhenTheSettingListsIt() {
        assertEquals(Verdict.CANCELLED, SANDBOX_DEFAULT.of("Cancelado"));
        assertEquals(Verdict.CANCELLED, new RestartRule("Encerrado,Cancelado").of("Cancelado"));
        Text why = SANDBOX_DEFAULT.refusal("48213", "Cancelada pelo cliente").orElseThrow();
        assertEquals("demand.cancelled", why.key());
        assertTrue(why.in(Text.PT_BR).contains("Cancelada pelo cliente"), why.in(Text.PT_BR));
    }

    @Test
    void withoutFinishedSituationsNothingCanBeRestarted() {
        assertEquals(Verdict.NOT_FINISHED, new RestartRule("").of("Encerrado"));
        assertEquals(Verdict.NOT_FINISHED, new RestartRule(null).of("Encerrado"));
    }
}
