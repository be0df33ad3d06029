package br.com.sopdesk.qualitor.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One Qualitor installation setting an administrator changed ({@code qualitor.wsdl-file}, an
 * extra-information code...), overriding its MicroProfile Config default. Never the password.
 */
@Entity
@Table(name = "qualitor_setting")
@NamedQuery(name = QualitorSetting.ALL, query = "select s from QualitorSetting s order by s.key")
public class QualitorSetting {

    public static final String ALL = "QualitorSetting.all";

    @Id
    @Column(name = "setting_key", length = 80)
    private String key;

    @Column(name = "setting_value", length = 400, nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", length = 80, nullable = false)
    private String updatedBy;

    protected QualitorSetting() {
    }

    public QualitorSetting(String key, String value, String by, Instant now) {
        this.key = key;
        change(value, by, now);
    }

    public final void change(String newValue, String by, Instant now) {
        this.value = newValue;
        this.updatedBy = by;
        this.updatedAt = Utc.of(now);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
