import { DEFAULT_TREND_PERIODS, LANGUAGES, MAX_TREND_PERIODS, MIN_TREND_PERIODS, type Language } from '#domain';
import { IsEmail, IsIn, IsInt, IsISO4217CurrencyCode, IsTimeZone, Matches, Max, Min } from 'class-validator';
import { IsCronPattern, IsServiceUrl } from './env-validators.js';
import { InfraEnv } from './infra-env.js';

/**
 * Every variable of the product design (§5), and the email retry schedule. Both apps validate all of them, so a bad
 * value is caught by whichever starts.
 */
export class AppEnv extends InfraEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsServiceUrl(['smtp', 'smtps'])
  SMTP_URL: string = 'smtp://127.0.0.1:1025';

  @IsEmail(
    { allow_display_name: true, require_tld: false },
    { message: 'MAIL_FROM must be an address such as "Office <office@city.example>"' },
  )
  MAIL_FROM: string = 'Procurement Office <procurement@city.example>';

  @IsTimeZone({ message: 'CITY_TIMEZONE must be an IANA time zone such as America/New_York' })
  CITY_TIMEZONE: string = 'America/New_York';

  @IsCronPattern()
  EVALUATION_CRON: string = '0 6 * * *';

  @IsServiceUrl(['http', 'https'])
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  @IsInt()
  @Min(0)
  @Max(3650)
  NOTIFY_WITHIN_DAYS: number = 45;

  /** OCDS prefixes are `ocds-` and six letters or digits, registered with the Open Contracting Partnership. */
  @Matches(/^ocds-[a-z0-9]{6}$/, { message: 'OCDS_PREFIX must look like ocds-abc123' })
  OCDS_PREFIX: string = 'ocds-cpt000';

  @IsISO4217CurrencyCode({ message: 'CURRENCY must be an ISO 4217 code such as USD' })
  CURRENCY: string = 'USD';

  /**
   * Language of emails to department heads, escalations and meeting packs (vendor emails use the vendor's own), and
   * of the meeting pack's page and PDF, which the API serves and the worker attaches.
   */
  @IsIn(LANGUAGES, { message: `ESCALATION_LANGUAGE must be one of ${LANGUAGES.join(', ')}` })
  ESCALATION_LANGUAGE: Language = 'en';

  /** Calendar days a vendor has to comment on an issued performance evaluation before it becomes final. */
  @IsInt()
  @Min(1)
  @Max(365)
  VENDOR_COMMENT_DAYS: number = 14;
  /**
   * How many evaluated values of a KPI its early-warning line is drawn through (the scorecard, the meeting pack):
   * at least 3, since two points make a change rather than a trend.
   */
  @IsInt()
  @Min(MIN_TREND_PERIODS)
  @Max(MAX_TREND_PERIODS)
  TREND_PERIODS: number = DEFAULT_TREND_PERIODS;

  // The email retry schedule, which BullMQ keeps on each send job: every process that queues emails reads it.

  /** First retry delay of an email the mail server did not take; it doubles each time, up to an hour. */
  @IsInt()
  @Min(100)
  MAIL_RETRY_BASE_DELAY_MS: number = 30_000;

  /** How long an email keeps being retried before it is marked failed. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  MAIL_RETRY_WINDOW_HOURS: number = 24;
}
