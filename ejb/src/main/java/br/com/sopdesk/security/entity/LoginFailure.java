package br.com.sopdesk.security.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One failed sign-in, counted against a user name from a client address ({@code p:address name})
 * and against the address ({@code a:address}). Kept in the database so every instance sharing it
 * sees the same count.
 */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = LoginFailure.RECENT, query = "select f.at from LoginFailure f where f.subjectKey = :key and f.at > :since order by f.at desc")
@NamedQuery(name = LoginFailure.FORGET, query = "delete from LoginFailure f where f.subjectKey = :key")
@NamedQuery(name = LoginFailure.PURGE, query = "delete from LoginFailure f where f.at < :before")
public class LoginFailure {

    public static final String RECENT = "LoginFailure.recent";
    public static final String FORGET = "LoginFailure.forget";
    public static final String PURGE = "LoginFailure.purge";

    @Id
    @SequenceGenerator(name = "login_failure_seq", sequenceName = "login_failure_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_failure_seq")
    private Long id;

    @Column(name = "subject_key", length = 200, nullable = false)
    private String subjectKey;

    @Column(nullable = false)
    private LocalDateTime at;

    protected LoginFailure() {
    }

    public LoginFailure(String subjectKey, Instant at) {
        this.subjectKey = subjectKey.length() <= 200 ? subjectKey : subjectKey.substring(0, 200);
        this.at = Utc.of(at);
    }

    public static String pairKey(String username, String address) {
        return "p:" + address + " " + username;
    }

    public static String addressKey(String address) {
        return "a:" + address;
    }
}
