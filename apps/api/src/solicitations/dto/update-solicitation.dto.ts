import { PartialType } from '@nestjs/swagger';
import { CreateSolicitationDto } from './create-solicitation.dto.js';

export class UpdateSolicitationDto extends PartialType(CreateSolicitationDto, { skipNullProperties: false }) {}
