package cn.nmsdz.scoring.rescoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A region still to rescore for a job; deleted in the transaction that stores its snapshots. */
@Entity
@Table(name = "rescoring_task")
@IdClass(RescoringTaskEntity.Key.class)
public class RescoringTaskEntity extends PanacheEntityBase {
    @Id
    @Column(name = "job_id")
    public long jobId;
    @Id
    public String region;

    public record Key(long jobId, String region) implements Serializable {
        public Key() {
            this(0, null);
        }
    }
}
