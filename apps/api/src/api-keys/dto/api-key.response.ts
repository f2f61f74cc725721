import type { ApiKey } from '#database';
import { ROLES, type Role } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'The first characters of the token, to tell keys apart' })
  tokenPrefix!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The departments a department head key sees' })
  departmentIds!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The vendor of a vendor key' })
  vendorId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: Date | null;
}

/** The answer to a create: the only time the token is ever shown. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The secret to send as `Authorization: Bearer <token>`' })
  token!: string;
}

export const toApiKeyResponse = (key: ApiKey): ApiKeyResponse => ({
  id: key.id,
  name: key.name,
  role: key.role,
  tokenPrefix: key.tokenPrefix,
  departmentIds: (key.departments ?? []).map((department) => department.id).sort(),
  vendorId: key.vendorId,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt,
});
