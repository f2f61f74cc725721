import { AppEnv } from '#runtime';
import { IsInt, IsNotEmpty, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';
import { IsProxyList } from './trusted-proxies.js';

/** The API's settings: the product design (§5) plus the HTTP edge's limits. */
export class ApiEnv extends AppEnv {
  /** Requests per minute from one client address; health checks are exempt. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 6000;

  /**
   * Proxies in front of the API whose `X-Forwarded-For` is believed (addresses or CIDR ranges, comma-separated).
   * Empty: the client is the socket's address, so no header can pick its own rate-limit bucket.
   */
  @IsProxyList()
  TRUST_PROXY: string = '';

  /** Largest JSON body accepted, in bytes (bulk imports have their own limit). */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** Largest CSV import, in bytes. Imports are streamed, never held in memory, so this bounds time, not memory. */
  @IsInt()
  @Min(1024)
  IMPORT_LIMIT_BYTES: number = 100 * 1024 * 1024;

  /** Largest OCDS package accepted by POST /imports/ocds, in bytes (it is parsed whole, so this bounds memory). */
  @IsInt()
  @Min(1024)
  @Max(500 * 1024 * 1024)
  OCDS_IMPORT_LIMIT_BYTES: number = 50 * 1024 * 1024;

  /** `publisher.name` of the OCDS release packages. */
  @IsString()
  @IsNotEmpty({ message: 'OCDS_PUBLISHER_NAME must not be empty' })
  OCDS_PUBLISHER_NAME: string = 'Procurement Office';

  /** The licence the open data is published under, as a URL. */
  @IsUrl({ require_tld: false }, { message: 'OCDS_LICENSE must be a URL' })
  OCDS_LICENSE: string = 'https://opendatacommons.org/licenses/pddl/1.0/';

  /** Where the publication policy is; empty: the packages carry none. */
  @ValidateIf((env: ApiEnv) => env.OCDS_PUBLICATION_POLICY !== '')
  @IsUrl({ require_tld: false }, { message: 'OCDS_PUBLICATION_POLICY must be a URL or empty' })
  OCDS_PUBLICATION_POLICY: string = '';
}
