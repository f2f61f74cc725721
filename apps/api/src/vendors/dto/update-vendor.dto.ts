import { PartialType } from '@nestjs/swagger';
import { CreateVendorDto } from './create-vendor.dto.js';

// skipNullProperties false: null clears only the fields that may be empty (the address); for the others it is a 400.
export class UpdateVendorDto extends PartialType(CreateVendorDto, { skipNullProperties: false }) {}
