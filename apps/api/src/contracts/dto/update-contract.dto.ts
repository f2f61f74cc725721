import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateContractDto } from './create-contract.dto.js';

/** Who the contract is with and for is fixed; the rest can change (dates and status stay coherent). */
export class UpdateContractDto extends PartialType(
  OmitType(CreateContractDto, ['vendorId', 'departmentId', 'solicitationId'] as const),
  { skipNullProperties: false },
) {}
