import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { Role } from '#domain';
import { Department } from './department.entity.js';
import { Vendor } from './vendor.entity.js';

@Entity('api_keys')
@Unique('uq_api_keys_token_hash', ['tokenHash'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 32 }) role!: Role;
  /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
  @Column({ type: 'char', length: 64 }) tokenHash!: string;
  /** The token's first characters, so people can tell their keys apart. */
  @Column({ type: 'varchar', length: 16 }) tokenPrefix!: string;
  @Column({ type: 'uuid', nullable: true }) vendorId!: string | null;
  @ManyToOne(() => Vendor, { onDelete: 'RESTRICT', nullable: true }) vendor!: Relation<Vendor> | null;
  @ManyToMany(() => Department)
  @JoinTable({
    name: 'api_key_departments',
    joinColumn: { name: 'api_key_id' },
    inverseJoinColumn: { name: 'department_id' },
  })
  departments!: Relation<Department[]>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
