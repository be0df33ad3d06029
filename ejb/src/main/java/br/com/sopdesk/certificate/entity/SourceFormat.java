package br.com.sopdesk.certificate.entity;

/** How the certificate arrived, recognised by content (never by the file's extension). */
public enum SourceFormat {
    /** a binary X.509 certificate ({@code .cer}, {@code .crt}) */
    DER,
    /** Base64 text with {@code -----BEGIN CERTIFICATE-----} blocks, or bare Base64 pasted from a token tool */
    PEM,
    /** a PKCS#7 chain ({@code .p7b}, {@code .p7c}), binary or PEM */
    PKCS7,
    /** a PKCS#12 file with the private key ({@code .pfx}, {@code .p12}), opened with the password */
    PKCS12
}
