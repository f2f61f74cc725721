import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsUUID, ValidateNested } from 'class-validator';
import { IsInstant } from '../../common/date-validators.js';
import { OmittedOrSet } from '../../common/validation.js';
import { CreateContractDto } from '../../contracts/dto/create-contract.dto.js';

/**
 * The contract an award creates, validated as a directly entered contract is. Vendor, department and solicitation
 * come from the award; title and value default to the solicitation's title and the bid's amount, and
 * `isKeyProcurement` to the solicitation's.
 */
export class AwardContractDto extends IntersectionType(
  PickType(CreateContractDto, [
    'number',
    'startDate',
    'endDate',
    'managerEmail',
    'diversityGoalPercent',
    'reportingGraceDays',
    'escalateAfterPeriods',
  ] as const),
  PartialType(PickType(CreateContractDto, ['title', 'value', 'isKeyProcurement'] as const), {
    skipNullProperties: false,
  }),
) {}

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'bidId must be a UUID' })
  bidId!: string;

  @ApiProperty({ type: AwardContractDto })
  @IsObject({ message: 'contract must be an object' })
  @ValidateNested()
  @Type(() => AwardContractDto)
  contract!: AwardContractDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the award was made (default now)' })
  @OmittedOrSet()
  @IsInstant()
  at?: string;
}
