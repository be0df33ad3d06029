package br.com.sopdesk.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Who runs a periodic job now, when every instance has the same timer: an instance runs the job
 * only after taking the lease with a conditional update, so of several instances sharing the
 * database one does the work and the others find the lease held. A lease that runs out (the holder
 * died) can be taken again. One row per job, created by its migration.
 */
@Entity
@Table(name = "job_lease")
@NamedQuery(name = JobLease.TAKE, query = """
        update JobLease l set l.holder = :holder, l.heldUntil = :until
        where l.name = :name and (l.heldUntil is null or l.heldUntil < :now)""")
public class JobLease {

    public static final String TAKE = "JobLease.take";

    @Id
    @Column(length = 40)
    private String name;

    @Column(length = 80)
    private String holder;

    @Column(name = "held_until")
    private LocalDateTime heldUntil;

    protected JobLease() {
    }

    public String getHolder() {
        return holder;
    }

    public LocalDateTime getHeldUntil() {
        return heldUntil;
    }
}
