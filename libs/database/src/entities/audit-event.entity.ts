import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to one entity, with the state before and after. Append-only. */
@Entity('audit_events')
@Index('ix_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @CreateDateColumn({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'varchar', length: 16 }) actorType!: 'api_key' | 'cli' | 'system';
  /** The API key's id; kept without a foreign key so the trail outlives whatever it names. */
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 200 }) actorName!: string;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entityType!: string;
  @Column({ type: 'varchar', length: 64 }) entityId!: string;
  @Column({ type: 'jsonb', nullable: true }) before!: object | null;
  @Column({ type: 'jsonb', nullable: true }) after!: object | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId!: string | null;
}
