package br.com.sopdesk.load;

import br.com.sopdesk.certificate.control.IcpCertificates;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The customers the simulated agents serve: a valid CNPJ (its two check digits computed as the
 * product's validator checks them), a company name, two distinct phones (a mobile and a landline
 * with a valid area code), an e-mail, and the e-CNPJ certificate the customer sends, an
 * ICP-Brasil-shaped DER file carrying the same CNPJ (built by the ejb module's test builder).
 * Seeded, so every run serves the same customers.
 */
final class Customers {

    /** One customer of the desk; {@code cnpj} punctuated as agents type it, {@code cnpjDigits} as the certificate carries it. */
    record Customer(String cnpj, String cnpjDigits, String name, String email, String phone1, String phone2, byte[] certificate) {
    }

    private static final int[] WEIGHTS_1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] WEIGHTS_2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String[] AREA_CODES = {"11", "21", "31", "41", "47", "48", "51", "54", "61", "71", "81", "85"};
    private static final String[] TRADES = {"Comércio", "Transportes", "Contabilidade", "Farmácia", "Construtora", "Padaria", "Distribuidora"};
    private static final String[] NAMES = {"Guaíba", "Pampa", "Serra Azul", "Horizonte", "Três Irmãos", "Bom Fim", "Moinhos", "Aurora"};

    private Customers() {
    }

    /** {@code count} customers from {@code seed}, each with its certificate (a few milliseconds each). */
    static List<Customer> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String digits = cnpj(random);
            String name = TRADES[random.nextInt(TRADES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + " Ltda";
            String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
            String mobile = "(" + area + ") 9" + number(random, 4) + "-" + number(random, 4);
            String landline = "(" + area + ") " + (2 + random.nextInt(4)) + number(random, 3) + "-" + number(random, 4);
            customers.add(new Customer(punctuated(digits), digits, name, "ti" + i + "@cliente" + i + ".com.br", mobile, landline,
                    certificate(digits, name)));
        }
        return customers;
    }

    /** A numeric CNPJ: 8 digits of the company, branch 0001, the two check digits. */
    static String cnpj(Random random) {
        String base = number(random, 8) + "0001";
        if (base.chars().distinct().count() == 1) {
            base = "1" + base.substring(1);
        }
        int first = checkDigit(base, WEIGHTS_1);
        int second = checkDigit(base + first, WEIGHTS_2);
        return base + first + second;
    }

    private static int checkDigit(String partial, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (partial.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    static String punctuated(String digits) {
        return digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "/" + digits.substring(8, 12) + "-"
                + digits.substring(12);
    }

    private static String number(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static byte[] certificate(String cnpj, String name) {
        try {
            Holder h = Holder.company(cnpj);
            h.commonName = name.toUpperCase(java.util.Locale.ROOT) + ":" + cnpj; // UTF-8: accents kept
            return IcpCertificates.der(IcpCertificates.holder(h));
        } catch (Exception e) {
            throw new IllegalStateException("could not build the customer's certificate", e);
        }
    }
}
