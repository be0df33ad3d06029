package br.com.sopdesk.certificate.control;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.util.Arrays;

/**
 * One way the typed password may have become the file's secret: the characters for the PKCS#12
 * key derivation (BMPString), those for PBKDF2 (UTF-8), and whether an empty one is the JDK's two
 * zero bytes. Tools disagree on how a password turns into bytes, so a reader tries each form
 * ({@link #forms}); each holds a copy of the password, cleared once the file is read.
 */
record Pkcs12Password(char[] pkcs12, char[] pbkdf2, boolean zeroTerminated) {

    void clear() {
        Arrays.fill(pkcs12, '\0');
        Arrays.fill(pbkdf2, '\0');
    }

    /**
     * The password's forms, most likely first: as typed; for non-ASCII, OpenSSL 1.x's (each UTF-8
     * byte as one BMP character, for the PKCS#12 derivation); for none, the JDK's two zero bytes and
     * the empty string.
     *
     * @param password as typed, or null/empty; not modified
     */
    static List<Pkcs12Password> forms(char[] password) {
        List<Pkcs12Password> out = new ArrayList<>();
        if (password == null || password.length == 0) {
            out.add(new Pkcs12Password(new char[0], new char[0], true));
            out.add(new Pkcs12Password(new char[0], new char[0], false));
            return out;
        }
        out.add(new Pkcs12Password(password.clone(), password.clone(), false));
        boolean ascii = true;
        for (char c : password) {
            ascii &= c < 0x80;
        }
        if (!ascii) {
            byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
            char[] bytesAsChars = new char[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                bytesAsChars[i] = (char) (utf8[i] & 0xFF);
            }
            Arrays.fill(utf8, (byte) 0);
            out.add(new Pkcs12Password(bytesAsChars, password.clone(), false));
        }
        return out;
    }
}
