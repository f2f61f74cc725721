import type { Department } from '#database';
import { ApiProperty } from '@nestjs/swagger';

export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty({ format: 'email' })
  headEmail!: string;

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
