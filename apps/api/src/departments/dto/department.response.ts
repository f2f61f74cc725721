import type { Department } from '#database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  code!: string;

  /** Left out for vendors: a vendor talks to its contract manager, not past them to the head. */
  @ApiPropertyOptional({ format: 'email', description: 'Left out of what a vendor key reads' })
  headEmail?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export const toDepartmentResponse = (department: Department): DepartmentResponse => ({
  id: department.id,
  name: department.name,
  code: department.code,
  headEmail: department.headEmail,
  createdAt: department.createdAt,
  updatedAt: department.updatedAt,
});

/** What a vendor sees of a department it works for: no head's address. */
export const toVendorDepartmentResponse = (department: Department): DepartmentResponse => {
  const { headEmail: _headEmail, ...rest } = toDepartmentResponse(department);
  return rest;
};
