import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Kpi } from './kpi.entity.js';
import { type MeasurementSource } from '#domain';

/** The current value of one KPI for one period; recording again replaces it (the audit trail keeps the old one). */
@Entity('measurements')
@Unique('uq_measurements_kpi_period', ['kpiId', 'period'])
export class Measurement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) kpiId!: string;
  @ManyToOne(() => Kpi, { onDelete: 'CASCADE' }) kpi!: Relation<Kpi>;
  /** `2026-03`, `2026-Q1` or `2026`, matching the KPI's frequency. */
  @Column({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) value!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 8 }) source!: MeasurementSource;
  /** The API key that recorded it (null from the command line). */
  @Column({ type: 'uuid', nullable: true }) recordedById!: string | null;
  @Column({ type: 'varchar', length: 200 }) recordedByName!: string;
  /** When the current value was recorded; a period whose value changed after its evaluation is evaluated again. */
  @Column({ type: 'timestamptz' }) recordedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
