import { EMAIL_LANGUAGES, type EmailLanguage, type PerformanceEvaluationInput } from './types.js';
import { renderPerformanceEvaluation } from './performance-evaluation.js';

const MONTHS: Record<EmailLanguage, [string, string]> = {
  en: ['January 2026', 'June 2026'],
  es: ['enero de 2026', 'junio de 2026'],
  pt: ['janeiro de 2026', 'junho de 2026'],
};

const input = (language: EmailLanguage, changes: Partial<PerformanceEvaluationInput> = {}) => ({
  language,
  vendorName: "O'Brien & Sons <Ltd>",
  contractNumber: 'PW-2025-0142',
  contractTitle: 'Streetlight maintenance & repair',
  departmentName: 'Public Works',
  fromLabel: MONTHS[language][0],
  toLabel: MONTHS[language][1],
  contractUrl: 'https://contracts.city.example/portal/contracts/5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13',
  managerEmail: 'r.alvarez@city.example',
  cityName: 'Procurement Office',
  rating: 'approaching_target' as const,
  narrative: 'Response times recovered after March; the May data <was> late.',
  figures: { evaluated: 14, onTrack: 12, onTrackPercent: 85.7 },
  commentDueOn: '2026-07-24',
  ...changes,
});

describe('performance evaluation email', () => {
  it.each(EMAIL_LANGUAGES)('should render the same email as before in %s', (language) => {
    expect(renderPerformanceEvaluation(input(language))).toMatchSnapshot();
  });

  it.each([
    ['en', 'Approaching target', 'July 24, 2026', '85.7%'],
    ['es', 'Cercano a la meta', '24 de julio de 2026', '85.7%'],
    ['pt', 'Próximo da meta', '24 de julho de 2026', '85,7%'],
  ] as const)(
    'should say the rating, deadline and share in words in both parts (%s)',
    (language, rating, date, share) => {
      const email = renderPerformanceEvaluation(input(language));
      for (const part of [email.text, email.html]) {
        expect(part).toContain(rating);
        expect(part).toContain(date);
        expect(part).toContain(share);
        expect(part).toContain('https://contracts.city.example/portal/contracts/5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13');
      }
      expect(email.subject).toContain('PW-2025-0142');
      expect(email.text).toContain(`${MONTHS[language][0]}`);
    },
  );

  it('should escape the narrative in HTML and keep it as written in text', () => {
    const email = renderPerformanceEvaluation(input('en'));
    expect(email.text).toContain('the May data <was> late.');
    expect(email.html).toContain('the May data &lt;was&gt; late.');
    expect(email.html).not.toContain('<was>');
  });

  it('should leave the narrative out when there is none, and name one month once', () => {
    const email = renderPerformanceEvaluation(input('en', { narrative: null, toLabel: 'January 2026' }));
    expect(email.text).not.toContain('assessment');
    expect(email.subject).toBe('Contract PW-2025-0142: performance evaluation, January 2026');
  });

  it('should refuse a deadline that is not a date, an unknown rating and a link that is not http(s)', () => {
    expect(() => renderPerformanceEvaluation(input('en', { commentDueOn: '2026-02-30' }))).toThrow(RangeError);
    expect(() => renderPerformanceEvaluation(input('en', { rating: 'excellent' as never }))).toThrow(RangeError);
    expect(() => renderPerformanceEvaluation(input('en', { contractUrl: 'javascript:alert(1)' }))).toThrow(RangeError);
  });
});
