import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashToken, type Role } from '#domain';
import { preparedQuery } from '../common/prepared-query.js';
import type { Principal } from './principal.js';

type PrincipalRow = { id: string; name: string; role: Role; vendor_id: string | null; department_ids: string[] };

/** Resolves a bearer token to its key in one prepared statement; revoked keys stop matching at once. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate(token: string): Promise<Principal | null> {
    const rows = await preparedQuery<PrincipalRow>(
      this.dataSource,
      `SELECT k.id, k.name, k.role, k.vendor_id,
              coalesce(array_agg(d.department_id) FILTER (WHERE d.department_id IS NOT NULL), '{}') AS department_ids
         FROM api_keys k
         LEFT JOIN api_key_departments d ON d.api_key_id = k.id
        WHERE k.token_hash = $1 AND k.revoked_at IS NULL
        GROUP BY k.id`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      keyId: row.id,
      name: row.name,
      role: row.role,
      vendorId: row.vendor_id,
      departmentIds: row.department_ids,
    };
  }
}
