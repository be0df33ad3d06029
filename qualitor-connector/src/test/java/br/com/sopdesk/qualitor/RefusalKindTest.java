package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Qualitor's {@code status 0} answers sorted by what SOP Desk must do about them. */
class RefusalKindTest {

    @Test
    void onlyARefusedLoginIsReadAsCredentialsNeverACodeOrWords() {
        assertEquals(RefusalKind.CREDENTIALS, RefusalKind.classify("login", "Client", "Falha"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("getCustomer", "1", "Ws - Usuário ou senha inválidos."));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("addTicketByData", "7", "Ws - Usuario sem permissao para a operacao"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("getTicket", "", "Access denied"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("getTicket", "1", ""), "a code alone says nothing");
    }

    @Test
    void notFoundDependsOnWhatWasLookedUp() {
        assertEquals(RefusalKind.CUSTOMER_NOT_FOUND, RefusalKind.classify("getCustomer", "20", "Ws - Cliente não encontrado: 11222333000181"));
        assertEquals(RefusalKind.CUSTOMER_NOT_FOUND, RefusalKind.classify("getCustomer", "5", "Nenhum registro"),
                "getCustomer answers status 0 when it does not know the document");
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("getCustomer", "5", "Ws - Falha"), "no words, no reason");
        assertEquals(RefusalKind.CONTACT_NOT_FOUND, RefusalKind.classify("getCustomerContact", "20", "Ws - Contato não encontrado"));
        assertEquals(RefusalKind.CONTACT_NOT_FOUND, RefusalKind.classify("addTicketByData", "4", "Contact not found"));
        assertEquals(RefusalKind.CUSTOMER_NOT_FOUND, RefusalKind.classify("getCustomerContact", "20", "Ws - Cliente não encontrado: 1299"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("closeTicket", "20", "Ws - Chamado não encontrado: 9"));
    }

    @Test
    void invalidDataAndEverythingElse() {
        assertEquals(RefusalKind.INVALID_DATA, RefusalKind.classify("addTicketByData", "12", "Ws - Campo obrigatório não informado: cdcategoria"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("addTicketByData", "12", "Ws - Erro"), "code 12 is only the sandbox's");
        assertEquals(RefusalKind.INVALID_DATA, RefusalKind.classify("getCustomer", "12", "Ws - Campo obrigatório não informado: nrcpfcnpj"));
        assertEquals(RefusalKind.INVALID_DATA, RefusalKind.classify("addTicketByData", "", "Valor inválido para cdseveridade"));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("addTicketByData", "1", "Ws - Usuário ou senha inválidos."),
                "'inválidos' about the login names no field of the ticket");
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("closeTicket", "21", "Ws - This ticket have no next step."));
        assertEquals(RefusalKind.OTHER, RefusalKind.classify("addTicketByData", "98", "Ws - Falha simulada pelo sandbox."));
    }
}
