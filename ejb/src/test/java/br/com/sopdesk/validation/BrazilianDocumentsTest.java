package br.com.sopdesk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BrazilianDocumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-81", "11222333000181", "12.ABC.345/01DE-35", "12abc34501de35", "00.000.000/0001-91"})
    void acceptsValidCnpjs(String cnpj) {
        assertTrue(BrazilianDocuments.isCnpj(cnpj), cnpj);
        assertTrue(BrazilianDocuments.isCpfOrCnpj(cnpj), cnpj);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-82", "11.222.333/0001-18", "12.ABC.345/01DE-36", "11111111111111",
            "1122233300018", "112223330001811", "12.ABC.345/01DE-3A", "", "AB.CDE.FGH/IJKL-MN"})
    void refusesInvalidCnpjs(String cnpj) {
        assertFalse(BrazilianDocuments.isCnpj(cnpj), cnpj);
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-25", "52998224725", "111.444.777-35"})
    void acceptsValidCpfs(String cpf) {
        assertTrue(BrazilianDocuments.isCpf(cpf), cpf);
        assertTrue(BrazilianDocuments.isCpfOrCnpj(cpf), cpf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-24", "111.111.111-11", "5299822472", "ABC.982.247-25"})
    void refusesInvalidCpfs(String cpf) {
        assertFalse(BrazilianDocuments.isCpf(cpf), cpf);
        assertFalse(BrazilianDocuments.isCpfOrCnpj(cpf), cpf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(51) 99999-0000", "51 3333-0000", "+55 51 99999-0000", "0 51 3333-0000", "11987654321"})
    void acceptsPhonesWithAreaCode(String phone) {
        assertTrue(BrazilianDocuments.isPhone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999-0000", "(51) 89999-0000", "(51) 6333-0000", "(05) 3333-0000", "(51) 99999-00001", "abc"})
    void refusesPhonesWithoutAreaCodeOrWrongShape(String phone) {
        assertFalse(BrazilianDocuments.isPhone(phone), phone);
    }

    @Test
    void samePhoneWrittenTwoWaysHasTheSameDigits() {
        assertEquals(BrazilianDocuments.phoneDigits("(51) 99999-0000"), BrazilianDocuments.phoneDigits("+55 51 99999 0000"));
    }

    @Test
    void formatsDocumentsForDisplay() {
        assertEquals("12.ABC.345/01DE-35", BrazilianDocuments.format("12abc34501de35"));
        assertEquals("529.982.247-25", BrazilianDocuments.format("52998224725"));
    }
}
