package br.com.sopdesk.load;

import br.com.sopdesk.load.Customers.Customer;
import br.com.sopdesk.validation.BrazilianDocuments;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated customers pass the product's own checks, so a refusal in the load run is a wrong refusal. */
class CustomersTest {

    @Test
    void everyCustomerHasAValidCnpjTwoDistinctPhonesAndItsCertificate() throws Exception {
        List<Customer> customers = Customers.generate(40, 24);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (Customer c : customers) {
            assertTrue(BrazilianDocuments.isCnpj(c.cnpj()), c.cnpj());
            assertEquals(c.cnpjDigits(), BrazilianDocuments.normalize(c.cnpj()));
            assertTrue(BrazilianDocuments.isPhone(c.phone1()), c.phone1());
            assertTrue(BrazilianDocuments.isPhone(c.phone2()), c.phone2());
            assertNotEquals(BrazilianDocuments.phoneDigits(c.phone1()), BrazilianDocuments.phoneDigits(c.phone2()));
            X509Certificate certificate = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(c.certificate()));
            assertTrue(certificate.getSubjectX500Principal().getName().contains(c.cnpjDigits()), certificate.getSubjectX500Principal().getName());
        }
        assertEquals(customers.size(), new HashSet<>(customers.stream().map(Customer::cnpj).toList()).size(), "distinct customers");
    }

    @Test
    void aChangedDigitIsNoLongerACnpj() {
        String cnpj = Customers.cnpj(new Random(7));
        assertTrue(BrazilianDocuments.isCnpj(cnpj));
        char last = cnpj.charAt(13);
        assertFalse(BrazilianDocuments.isCnpj(cnpj.substring(0, 13) + (char) ('0' + (last - '0' + 1) % 10)));
    }
}
