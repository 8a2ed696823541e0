package dev.temper.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One POST of a delivery: the receiver's status code, or why none came, and how long it took. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    public static final int ERROR_MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    public WebhookDelivery delivery;

    /** 1 for the first attempt. */
    @Column(nullable = false)
    public int number;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(length = ERROR_MAX_LENGTH)
    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMillis;
}
