package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateType;
import br.com.sopdesk.certificate.entity.SourceFormat;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The facts read from the customer's certificate, kept with the ticket they filled: who the holder
 * is, which certificate (issuer, serial, validity, type) and whether it had a CEI. Only what the
 * public certificate says; never the file, the key or the password.
 */
@Entity
@Table(name = "ticket_certificate")
public class TicketCertificate {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_format", length = 10, nullable = false)
    private SourceFormat format;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_kind", length = 10, nullable = false)
    private CertificateFacts.HolderKind kind;

    @Column(name = "holder_name", length = 200)
    private String holderName;

    @Column(length = 11)
    private String cpf;

    @Column(length = 14)
    private String cnpj;

    @Column(length = 20)
    private String cei;

    @Enumerated(EnumType.STRING)
    @Column(name = "cei_kind", length = 10)
    private CertificateFacts.CeiKind ceiKind;

    @Column(length = 11)
    private String nis;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "responsible_name", length = 200)
    private String responsibleName;

    @Column(name = "responsible_cpf", length = 11)
    private String responsibleCpf;

    @Column(name = "responsible_birth_date")
    private LocalDate responsibleBirthDate;

    @Column(name = "responsible_nis", length = 11)
    private String responsibleNis;

    @Column(length = 200)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type", length = 10, nullable = false)
    private CertificateType type;

    @Column(name = "policy_oid", length = 100)
    private String policyOid;

    @Column(length = 200)
    private String issuer;

    @Column(length = 100)
    private String serial;

    @Column(name = "not_before", nullable = false)
    private LocalDateTime notBefore;

    @Column(name = "not_after", nullable = false)
    private LocalDateTime notAfter;

    @Column(name = "read_at", nullable = false)
    private LocalDateTime readAt;

    protected TicketCertificate() {
    }

    public TicketCertificate(Ticket ticket, CertificateFacts facts, Instant now) {
        this.ticket = ticket;
        this.ticketId = ticket.getId();
        this.format = facts.format();
        this.kind = facts.kind();
        this.holderName = cut(facts.holderName(), 200);
        this.cpf = cut(facts.cpf(), 11);
        this.cnpj = cut(facts.cnpj(), 14);
        this.cei = cut(facts.cei(), 20);
        this.ceiKind = facts.ceiKind();
        this.nis = cut(facts.nis(), 11);
        this.birthDate = facts.birthDate();
        this.responsibleName = cut(facts.responsibleName(), 200);
        this.responsibleCpf = cut(facts.responsibleCpf(), 11);
        this.responsibleBirthDate = facts.responsibleBirthDate();
        this.responsibleNis = cut(facts.responsibleNis(), 11);
        this.email = cut(facts.email(), 200);
        this.type = facts.type();
        this.policyOid = cut(facts.policyOid(), 100);
        this.issuer = cut(facts.issuer(), 200);
        this.serial = cut(facts.serial(), 100);
        this.notBefore = Utc.of(facts.notBefore());
        this.notAfter = Utc.of(facts.notAfter());
        this.readAt = Utc.of(now);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getTicketId() {
        return ticketId;
    }

    public CertificateFacts.HolderKind getKind() {
        return kind;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getCpf() {
        return cpf;
    }

    public String getCnpj() {
        return cnpj;
    }

    public String getCei() {
        return cei;
    }

    public CertificateFacts.CeiKind getCeiKind() {
        return ceiKind;
    }

    public CertificateType getType() {
        return type;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSerial() {
        return serial;
    }

    public Instant getNotBefore() {
        return Utc.instant(notBefore);
    }

    public Instant getNotAfter() {
        return Utc.instant(notAfter);
    }
}
