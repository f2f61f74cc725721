// Realistic inputs for the template tests: one contract, one per email kind, in each language. The vendor's name
// needs escaping; the KPIs mix directions, decimals and a missing result.
import type {
  ContractExpiryInput,
  EmailLanguage,
  EscalationInput,
  MeetingPackInput,
  MissingDataInput,
  OffTrackInput,
} from '../templates/types.js';

type PeriodNames = { december2025: string; january: string; february: string; march: string };

export const PERIOD_LABELS: Record<EmailLanguage, PeriodNames> = {
  en: { december2025: 'December 2025', january: 'January 2026', february: 'February 2026', march: 'March 2026' },
  es: {
    december2025: 'diciembre de 2025',
    january: 'enero de 2026',
    february: 'febrero de 2026',
    march: 'marzo de 2026',
  },
  pt: {
    december2025: 'dezembro de 2025',
    january: 'janeiro de 2026',
    february: 'fevereiro de 2026',
    march: 'março de 2026',
  },
};

export const VENDOR_NAME = "O'Brien & Sons <Ltd>";
export const CONTRACT_URL =
  'https://contracts.city.example/contracts/5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13?period=2026-03&tab=kpis';

function contract(language: EmailLanguage) {
  return {
    language,
    vendorName: VENDOR_NAME,
    contractNumber: 'PW-2025-0142',
    contractTitle: 'Streetlight maintenance & repair',
    departmentName: 'Public Works',
    periodLabel: PERIOD_LABELS[language].march,
    contractUrl: CONTRACT_URL,
    managerEmail: 'r.alvarez@city.example',
    cityName: 'Procurement Office',
  };
}

/** Given in mixed order: the email lists the off-track KPIs first. */
export function offTrackInput(language: EmailLanguage): OffTrackInput {
  return {
    ...contract(language),
    respondBy: '2026-04-24',
    kpis: [
      {
        name: 'Streetlight uptime',
        unit: '%',
        direction: 'higher_is_better',
        value: 97.25,
        target: 98.5,
        offTrackThreshold: 95,
        status: 'at_risk',
      },
      {
        name: 'Average repair time',
        unit: 'hours',
        direction: 'lower_is_better',
        value: 72.5,
        target: 48,
        offTrackThreshold: 60,
        status: 'off_track',
      },
      {
        name: 'Energy use per lamp',
        unit: 'kWh',
        direction: 'lower_is_better',
        value: 1234.5678,
        target: 1100,
        offTrackThreshold: 1200,
        status: 'off_track',
      },
    ],
  };
}

export function missingDataInput(language: EmailLanguage): MissingDataInput {
  return {
    ...contract(language),
    period: '2026-03',
    submitBy: '2026-04-30',
    apiBaseUrl: 'https://contracts.city.example/api/v1',
    kpis: [
      { kpiId: '0d9f4b7e-3c1a-4f57-8e2b-6a5d4c3b2a19', name: 'Average repair time', unit: 'hours' },
      {
        kpiId: '7a2e6c10-95b3-4d0f-a8e4-1b3c5d7f9e20',
        name: 'Outages resolved within 24 h, share',
        unit: '%',
      },
    ],
  };
}

export function escalationInput(language: EmailLanguage): EscalationInput {
  const labels = PERIOD_LABELS[language];
  return {
    ...contract(language),
    escalateAfterPeriods: 2,
    kpis: [
      {
        name: 'Average repair time',
        unit: 'hours',
        direction: 'lower_is_better',
        target: 48,
        offTrackThreshold: 60,
        consecutivePeriods: 3,
        history: [
          { periodLabel: labels.december2025, value: 52 },
          { periodLabel: labels.january, value: 61.5 },
          { periodLabel: labels.february, value: 64.25 },
          { periodLabel: labels.march, value: 72.5 },
        ],
      },
      {
        name: 'Streetlight uptime',
        unit: '%',
        direction: 'higher_is_better',
        target: 98.5,
        offTrackThreshold: 95,
        consecutivePeriods: 2,
        history: [
          { periodLabel: labels.december2025, value: null },
          { periodLabel: labels.january, value: 96.1 },
          { periodLabel: labels.february, value: 94.2 },
          { periodLabel: labels.march, value: 93.75 },
        ],
      },
    ],
  };
}

/** The department's name needs escaping; the figures need thousands separators and a decimal. */
export const DEPARTMENT_NAME = 'Parks & Recreation <North>';

export function meetingPackInput(language: EmailLanguage): MeetingPackInput {
  return {
    language,
    departmentName: DEPARTMENT_NAME,
    periodLabel: PERIOD_LABELS[language].march,
    attachmentName: 'meeting-pack_PRK_2026-03.pdf',
    packUrl:
      'https://contracts.city.example/api/v1/reports/meeting-pack?departmentId=5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13&period=2026-03&format=html',
    cityName: 'Procurement Office',
    figures: {
      activeContracts: 1204,
      kpisEvaluated: 3518,
      onTrack: 2911,
      atRisk: 301,
      missing: 97,
      offTrack: 209,
      onTrackPercent: 82.7,
      contractsNeedingAttention: 143,
      worseningKpis: 12,
    },
  };
}

/** 120 days before the end of the streetlight contract, with its latest results (one missing). */
export function contractExpiryInput(language: EmailLanguage): ContractExpiryInput {
  return {
    language,
    contractNumber: 'PW-2025-0142',
    contractTitle: 'Streetlight maintenance & repair',
    vendorName: VENDOR_NAME,
    departmentName: 'Public Works',
    endDate: '2026-07-29',
    daysLeft: 120,
    results: { months: 12, evaluated: 24, onTrack: 19, onTrackPercent: 79.2 },
    kpis: [
      {
        name: 'Outages repaired within 48 hours',
        unit: '%',
        direction: 'higher_is_better',
        periodLabel: PERIOD_LABELS[language].march,
        value: 91.5,
        target: 95,
        status: 'at_risk',
      },
      {
        name: 'Average repair time',
        unit: 'hours',
        direction: 'lower_is_better',
        periodLabel: PERIOD_LABELS[language].march,
        value: null,
        target: 48,
        status: 'missing',
      },
    ],
    contractUrl: 'https://contracts.city.example/portal/contracts/5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13',
    cityName: 'Procurement Office',
  };
}
