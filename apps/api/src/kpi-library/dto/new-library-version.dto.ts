import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateLibraryKpiDto } from './create-library-kpi.dto.js';

/**
 * The fields an edit changes; the rest are copied from the latest version. Unit and direction are the entry's
 * and cannot change (a measure in another unit is another entry), so they are not fields here.
 */
export class NewLibraryVersionDto extends PartialType(OmitType(CreateLibraryKpiDto, ['unit', 'direction'] as const), {
  skipNullProperties: false,
}) {}
