/**
 * The transparency log (R17): every {@link org.banso.shared.AuditedEvent} any module publishes, in a tamper-evident
 * RFC 6962 Merkle tree with signed C2SP checkpoints that anyone holding a checkpoint can verify offline
 * ({@link org.banso.audit.LogVerifier}, {@link org.banso.audit.AuditCommandLine}). Learns of the other modules only
 * through their events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.banso.audit;
