import {
  contractExpiryInput,
  CONTRACT_URL,
  DEPARTMENT_NAME,
  escalationInput,
  meetingPackInput,
  missingDataInput,
  offTrackInput,
  PERIOD_LABELS,
  VENDOR_NAME,
} from '../testing/email-fixtures.js';
import { escapeHtml } from './format.js';
import {
  EMAIL_LANGUAGES,
  type EmailLanguage,
  type OffTrackInput,
  renderContractExpiry,
  renderEscalation,
  renderMeetingPack,
  renderMissingData,
  renderOffTrack,
  type RenderedEmail,
} from './index.js';
import { MESSAGES } from './messages/index.js';

type Kind = 'off_track' | 'missing_data' | 'escalation';

const RENDER: Record<Kind, (language: EmailLanguage) => RenderedEmail> = {
  off_track: (language) => renderOffTrack(offTrackInput(language)),
  missing_data: (language) => renderMissingData(missingDataInput(language)),
  escalation: (language) => renderEscalation(escalationInput(language)),
};

const CASES = (Object.keys(RENDER) as Kind[]).flatMap((kind) =>
  EMAIL_LANGUAGES.map((language) => [kind, language] as [Kind, EmailLanguage]),
);

const NO_DATA: Record<EmailLanguage, string> = { en: 'no data', es: 'sin datos', pt: 'sem dados' };

/** The HTML has only the tags the layout writes, and every `&` starts an entity. */
function expectSafeHtml(html: string): void {
  expect(html.match(/&(?!(?:amp|lt|gt|quot|#39);)/g)).toBeNull();
  const tag =
    /^<(?:!DOCTYPE html>|\/?(?:html|head|meta|title|body|div|p|h2|ul|ol|li|pre|table|caption|thead|tbody|tr|th|td|a|br|hr)[\s>])/;
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) {
    expect(html.slice(index, index + 20)).toMatch(tag);
  }
}

function offTrackWith(language: EmailLanguage, changes: Partial<OffTrackInput>): RenderedEmail {
  return renderOffTrack({ ...offTrackInput(language), ...changes });
}

describe('email templates', () => {
  describe('rendered emails', () => {
    it.each(CASES)('should render the same %s email as before when the language is %s', (kind, language) => {
      expect(RENDER[kind](language)).toMatchSnapshot();
    });
  });

  describe('escaping', () => {
    it('should replace each character that HTML gives a meaning when escaping text', () => {
      expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
        '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
      );
    });

    it.each(CASES)('should escape every input in the HTML when rendering the %s email in %s', (kind, language) => {
      const { html } = RENDER[kind](language);
      expectSafeHtml(html);
      expect(html).not.toContain(VENDOR_NAME);
      expect(html).not.toContain('<Ltd>');
      expect(html).toContain(escapeHtml(VENDOR_NAME));
      expect(html).toContain('O&#39;Brien &amp; Sons &lt;Ltd&gt;');
    });

    it.each(CASES)(
      'should keep the inputs readable in the text when rendering the %s email in %s',
      (kind, language) => {
        const { text } = RENDER[kind](language);
        expect(text).toContain(VENDOR_NAME);
        expect(text).toContain('Streetlight maintenance & repair');
        expect(text).not.toMatch(/&(?:amp|lt|gt|quot|#39);/);
        expect(text).not.toMatch(/<\/?(?:p|td|th|table|a|li|div)\b/);
      },
    );

    it('should neutralise markup when a KPI name or the period label carries it', () => {
      const email = offTrackWith('en', {
        periodLabel: 'March <b>2026</b>',
        kpis: [{ ...offTrackInput('en').kpis[1]!, name: '<script>alert("x")</script>', unit: '<img src=x>' }],
      });
      expectSafeHtml(email.html);
      expect(email.html).not.toContain('<script');
      expect(email.html).not.toContain('<img');
      expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(email.text).toContain('<script>alert("x")</script>');
    });

    it('should write no scripts, style sheets or external assets when rendering any email', () => {
      for (const [kind, language] of CASES) {
        const { html } = RENDER[kind](language);
        expect(html).not.toMatch(/<(?:script|style|link|img|iframe)\b|\ssrc=|\son\w+=/i);
        expect(html.match(/href="/g)).toHaveLength(1);
      }
    });
  });

  describe('subject', () => {
    it.each(CASES)('should name the contract and the period when rendering the %s email in %s', (kind, language) => {
      const { subject } = RENDER[kind](language);
      expect(subject).toContain('PW-2025-0142');
      expect(subject).toContain(PERIOD_LABELS[language].march);
    });

    it('should say the indicators are at risk and ask for no plan when none is off track', () => {
      const atRiskOnly = offTrackInput('en').kpis.filter((kpi) => kpi.status === 'at_risk');
      const email = offTrackWith('en', { kpis: atRiskOnly });
      expect(email.subject).toBe('Contract PW-2025-0142, March 2026: performance indicators at risk');
      expect(email.text).toContain('No corrective action plan is needed at this stage.');
      expect(email.text).toContain('by April 24, 2026');
      expect(email.text).not.toContain('Off track\n');
    });
  });

  describe('off-track digest', () => {
    it.each(EMAIL_LANGUAGES)('should list off-track KPIs before at-risk ones when the language is %s', (language) => {
      const { text, html } = RENDER.off_track(language);
      for (const part of [text, html]) {
        const repair = part.indexOf('Average repair time');
        const energy = part.indexOf('Energy use per lamp');
        const uptime = part.indexOf('Streetlight uptime');
        expect(repair).toBeGreaterThan(-1);
        expect(repair).toBeLessThan(energy);
        expect(energy).toBeLessThan(uptime);
      }
    });

    it.each([
      ['en', 'April 24, 2026'],
      ['es', 'a más tardar el 24 de abril de 2026'],
      ['pt', 'até 24 de abril de 2026'],
    ] as const)(
      'should ask for a corrective action plan by the date in words when the language is %s',
      (language, date) => {
        const { text, html } = RENDER.off_track(language);
        expect(text).toContain(date);
        expect(html).toContain(date);
        expect(text).toContain('r.alvarez@city.example');
      },
    );

    it('should refuse a KPI that is neither off track nor at risk when building the digest', () => {
      const kpis = [{ ...offTrackInput('en').kpis[0]!, status: 'on_track' as 'at_risk' }];
      expect(() => offTrackWith('en', { kpis })).toThrow(RangeError);
    });
  });

  describe('numbers and dates', () => {
    it.each([
      ['en', '1,234.5 kWh', '97.25%', '48 hours or less'],
      ['es', '1,234.5 kWh', '97.25%', '48 hours o menos'],
      ['pt', '1.234,5 kWh', '97,25%', '48 hours ou menos'],
    ] as const)(
      'should format numbers for the reader when the language is %s',
      (language, thousands, percent, target) => {
        const kpis = offTrackInput(language).kpis.map((kpi) => (kpi.unit === 'kWh' ? { ...kpi, value: 1234.5 } : kpi));
        const { text, html } = offTrackWith(language, { kpis });
        for (const part of [text, html]) {
          expect(part).toContain(thousands);
          expect(part).toContain(percent);
          expect(part).toContain(target);
        }
      },
    );

    it('should round to at most four decimals without trailing zeros when a value has more', () => {
      const kpis = [{ ...offTrackInput('en').kpis[1]!, value: 61.234567, target: 48, offTrackThreshold: 60.1 }];
      const { text } = offTrackWith('en', { kpis });
      expect(text).toContain('Result: 61.2346 hours');
      expect(text).toContain('Target: 48 hours or less');
      expect(text).toContain('Off track if: above 60.1 hours');
    });

    it.each([
      ['en', '2025-12-31', 'December 31, 2025'],
      ['en', '2026-01-01', 'January 1, 2026'],
      ['es', '2025-12-31', '31 de diciembre de 2025'],
      ['es', '2026-01-01', '1 de enero de 2026'],
      ['pt', '2025-12-31', '31 de dezembro de 2025'],
      ['pt', '2026-01-01', '1 de janeiro de 2026'],
    ] as const)('should keep the calendar day when the deadline in %s is %s', (language, respondBy, words) => {
      // A deadline is a calendar date: read in any zone but UTC, these would move to the day before or after.
      expect(offTrackWith(language, { respondBy }).text).toContain(words);
    });

    it.each(['2026-02-30', '2026-4-24', '24/04/2026', ''])('should refuse the deadline when it is %j', (respondBy) => {
      expect(() => offTrackWith('en', { respondBy })).toThrow(RangeError);
    });

    it('should refuse a value when it is not a finite number', () => {
      const kpis = [{ ...offTrackInput('en').kpis[1]!, value: Number.NaN }];
      expect(() => offTrackWith('en', { kpis })).toThrow(RangeError);
    });
  });

  describe('missing values', () => {
    it.each(EMAIL_LANGUAGES)('should say there is no data when an escalated KPI lacks a result in %s', (language) => {
      const { text, html } = RENDER.escalation(language);
      expect(text).toContain(`${PERIOD_LABELS[language].december2025}: ${NO_DATA[language]}`);
      expect(html).toContain(`${NO_DATA[language]}</td>`);
    });

    it.each(EMAIL_LANGUAGES)('should say there is no data for each KPI when data is missing in %s', (language) => {
      const { text } = RENDER.missing_data(language);
      expect(text.split(`: ${NO_DATA[language]}\n`)).toHaveLength(3);
    });

    it('should show the latest result as missing when an escalated KPI has no history', () => {
      const input = escalationInput('en');
      const { text } = renderEscalation({ ...input, kpis: [{ ...input.kpis[0]!, history: [] }] });
      expect(text).toContain('Latest result: no data');
      expect(text).not.toContain('Recent results');
    });
  });

  describe('escalation runs', () => {
    // The contract escalates after 2 periods; one KPI has been off track for 6, or two for 2 and 6.
    const withRuns = (language: EmailLanguage, runs: number[]) => {
      const input = escalationInput(language);
      const kpis = runs.map((consecutivePeriods, index) => ({ ...input.kpis[index]!, consecutivePeriods }));
      return renderEscalation({ ...input, kpis });
    };
    const RUN_TEXT: Record<EmailLanguage, { one: [string, string]; range: [string, string]; point: string }> = {
      en: {
        one: ['off track for 6 consecutive periods', 'off track for 6 consecutive reporting periods'],
        range: ['off track for 2 to 6 consecutive periods', 'off track for 2 to 6 consecutive reporting periods'],
        point: 'escalates after 2 periods off track',
      },
      es: {
        one: ['fuera de meta durante 6 periodos consecutivos', 'durante 6 periodos de reporte consecutivos'],
        range: ['fuera de meta durante 2 a 6 periodos consecutivos', 'durante 2 a 6 periodos de reporte consecutivos'],
        point: 'escalamiento tras 2 periodos fuera de meta',
      },
      pt: {
        one: ['fora da meta por 6 períodos consecutivos', 'há 6 períodos de apuração consecutivos'],
        range: ['fora da meta por 2 a 6 períodos consecutivos', 'há 2 a 6 períodos de apuração consecutivos'],
        point: 'escalonamento após 2 períodos fora da meta',
      },
    };

    it.each(EMAIL_LANGUAGES)('should state the actual run, not the escalation point, in %s', (language) => {
      const one = withRuns(language, [6]);
      expect(one.subject).toContain(RUN_TEXT[language].one[0]);
      expect(one.text).toContain(RUN_TEXT[language].one[1]);
      expect(one.text).toContain(RUN_TEXT[language].point);
      const range = withRuns(language, [2, 6]);
      expect(range.subject).toContain(RUN_TEXT[language].range[0]);
      expect(range.text).toContain(RUN_TEXT[language].range[1]);
    });
  });

  describe('missing-data instructions', () => {
    it.each(EMAIL_LANGUAGES)('should give each KPI its measurement address when the language is %s', (language) => {
      const { text, html } = RENDER.missing_data(language);
      for (const part of [text, html]) {
        expect(part).toContain(
          'PUT https://contracts.city.example/api/v1/kpis/0d9f4b7e-3c1a-4f57-8e2b-6a5d4c3b2a19/measurements/2026-03',
        );
        expect(part).toContain('POST https://contracts.city.example/api/v1/measurements/import');
        expect(part).toContain('contractNumber,kpiName,period,value,note');
      }
    });

    it('should quote CSV fields when a KPI name holds a comma or a quote', () => {
      const input = missingDataInput('en');
      const kpis = [{ ...input.kpis[0]!, name: 'Repairs "fixed first time", share' }];
      const { text } = renderMissingData({ ...input, kpis });
      expect(text).toContain('PW-2025-0142,"Repairs ""fixed first time"", share",2026-03,,');
    });

    it('should join addresses with one slash when the API base URL ends with one', () => {
      const { text } = renderMissingData({
        ...missingDataInput('en'),
        apiBaseUrl: 'https://contracts.city.example/api/v1/',
      });
      expect(text).toContain('POST https://contracts.city.example/api/v1/measurements/import');
    });

    it.each(['2026-3', 'March 2026', '2026-Q5'])('should refuse the period when it is written %j', (period) => {
      expect(() => renderMissingData({ ...missingDataInput('en'), period })).toThrow(RangeError);
    });

    it.each([
      ['es', 'a más tardar el 30 de abril de 2026'],
      ['pt', 'até 30 de abril de 2026'],
      ['en', 'by April 30, 2026'],
    ] as const)('should give the submission deadline in words when the language is %s', (language, date) => {
      expect(RENDER.missing_data(language).text).toContain(date);
    });
  });

  describe('links and footer', () => {
    it.each(CASES)('should link to the contract in both parts when rendering the %s email in %s', (kind, language) => {
      const { text, html } = RENDER[kind](language);
      expect(text).toContain(CONTRACT_URL);
      expect(html).toContain(`href="${escapeHtml(CONTRACT_URL)}"`);
    });

    it.each(CASES)('should say who to contact in the footer when rendering the %s email in %s', (kind, language) => {
      const { text, html } = RENDER[kind](language);
      const footer = MESSAGES[language].footer({
        cityName: 'Procurement Office',
        managerEmail: 'r.alvarez@city.example',
      });
      expect(text).toContain(`-- \n${footer}`);
      expect(html).toContain(escapeHtml(footer));
    });

    it.each(['javascript:alert(1)', '/contracts/1', 'ftp://contracts.city.example/1'])(
      'should refuse the contract link when it is %j',
      (contractUrl) => {
        expect(() => renderOffTrack({ ...offTrackInput('en'), contractUrl })).toThrow(RangeError);
      },
    );
  });

  describe('inputs', () => {
    it('should refuse to render when there is no KPI to report', () => {
      expect(() => renderOffTrack({ ...offTrackInput('en'), kpis: [] })).toThrow(RangeError);
      expect(() => renderMissingData({ ...missingDataInput('en'), kpis: [] })).toThrow(RangeError);
      expect(() => renderEscalation({ ...escalationInput('en'), kpis: [] })).toThrow(RangeError);
    });

    it('should refuse to render when the language is not one the emails are written in', () => {
      expect(() => renderOffTrack({ ...offTrackInput('en'), language: 'fr' as EmailLanguage })).toThrow(RangeError);
    });

    it('should refuse to render when a contract field is empty', () => {
      expect(() => renderEscalation({ ...escalationInput('en'), managerEmail: ' ' })).toThrow(/managerEmail/);
    });
  });

  describe('meeting pack', () => {
    it.each(EMAIL_LANGUAGES)(
      'should render the same meeting-pack email as before when the language is %s',
      (language) => {
        expect(renderMeetingPack(meetingPackInput(language))).toMatchSnapshot();
      },
    );

    it.each(EMAIL_LANGUAGES)(
      'should escape the department in the HTML and keep it readable in the text (%s)',
      (language) => {
        const { html, text } = renderMeetingPack(meetingPackInput(language));
        expectSafeHtml(html);
        expect(html).not.toContain(DEPARTMENT_NAME);
        expect(html).toContain('Parks &amp; Recreation &lt;North&gt;');
        expect(text).toContain(DEPARTMENT_NAME);
        expect(html.match(/href="/g)).toHaveLength(1);
        expect(html).not.toMatch(/<(?:script|style|link|img|iframe)\b|\ssrc=|\son\w+=/i);
      },
    );

    it.each([
      ['en', 'Performance meeting pack: Parks & Recreation <North>, March 2026', '1,204', '82.7%'],
      ['es', 'Informe para la reunión de desempeño: Parks & Recreation <North>, marzo de 2026', '1,204', '82.7%'],
      ['pt', 'Relatório para a reunião de desempenho: Parks & Recreation <North>, março de 2026', '1.204', '82,7%'],
    ] as const)(
      'should name the department and month and give the figures in the reader’s format (%s)',
      (language, subject, contracts, share) => {
        const email = renderMeetingPack(meetingPackInput(language));
        expect(email.subject).toBe(subject);
        for (const part of [email.text, email.html]) {
          expect(part).toContain(contracts);
          expect(part).toContain(share);
          expect(part).toContain('meeting-pack_PRK_2026-03.pdf');
        }
      },
    );

    it('should show a dash for the on-track share when no indicator was evaluated', () => {
      const input = meetingPackInput('en');
      const { text } = renderMeetingPack({
        ...input,
        figures: { ...input.figures, kpisEvaluated: 0, onTrackPercent: null },
      });
      expect(text).toContain('- Share on track: —');
    });

    it('should refuse a link that is not http(s), an empty department and a count that is not a whole number', () => {
      const input = meetingPackInput('en');
      expect(() => renderMeetingPack({ ...input, packUrl: 'javascript:alert(1)' })).toThrow(/packUrl/);
      expect(() => renderMeetingPack({ ...input, departmentName: ' ' })).toThrow(/departmentName/);
      expect(() => renderMeetingPack({ ...input, figures: { ...input.figures, offTrack: 1.5 } })).toThrow(/offTrack/);
      expect(() => renderMeetingPack({ ...input, language: 'fr' as EmailLanguage })).toThrow(RangeError);
    });
  });

  describe('contract expiry', () => {
    it.each(EMAIL_LANGUAGES)('should render the same expiry email as before when the language is %s', (language) => {
      expect(renderContractExpiry(contractExpiryInput(language))).toMatchSnapshot();
    });

    it.each([
      ['en', 'Contract PW-2025-0142 ends on July 29, 2026 (120 days): decision needed', '79.2%'],
      ['es', 'El contrato PW-2025-0142 vence el 29 de julio de 2026 (120 días): decisión pendiente', '79.2%'],
      ['pt', 'O contrato PW-2025-0142 termina em 29 de julho de 2026 (120 dias): decisão necessária', '79,2%'],
    ] as const)(
      'should give the end date, days left and on-track share in the reader’s words (%s)',
      (language, subject, share) => {
        const email = renderContractExpiry(contractExpiryInput(language));
        expect(email.subject).toBe(subject);
        expectSafeHtml(email.html);
        expect(email.html).toContain('O&#39;Brien &amp; Sons &lt;Ltd&gt;');
        expect(email.html.match(/href="/g)).toHaveLength(1);
        for (const part of [email.text, email.html]) {
          expect(part).toContain(share);
          expect(part).toContain('/portal/contracts/5b1c0a52-6f0e-4d8e-9a51-0f6c2d7e9b13');
          expect(part).toContain(NO_DATA[language]);
        }
      },
    );

    it('should say so when the contract has no results yet, and leave the table out', () => {
      const { text } = renderContractExpiry({
        ...contractExpiryInput('en'),
        daysLeft: 1,
        results: { months: 12, evaluated: 0, onTrack: 0, onTrackPercent: null },
        kpis: [],
      });
      expect(text).toContain('No indicator result has been recorded for this contract yet.');
      expect(text).toContain('in 1 day.');
      expect(text).not.toContain('Latest result of each indicator');
    });

    it('should refuse a link that is not http(s), an empty field, days left that are not a count and a bad date', () => {
      const input = contractExpiryInput('en');
      expect(() => renderContractExpiry({ ...input, contractUrl: 'javascript:alert(1)' })).toThrow(/contractUrl/);
      expect(() => renderContractExpiry({ ...input, vendorName: ' ' })).toThrow(/vendorName/);
      expect(() => renderContractExpiry({ ...input, daysLeft: -1 })).toThrow(/daysLeft/);
      expect(() => renderContractExpiry({ ...input, endDate: '2026-02-30' })).toThrow(RangeError);
    });
  });

  describe('message catalogues', () => {
    // Every argument a message may take; messages read the ones they need.
    const SAMPLES = [
      { count: 1, offTrackCount: 1, atRiskCount: 0, periods: 1, hasOffTrack: true, direction: 'higher_is_better' },
      { count: 3, offTrackCount: 0, atRiskCount: 2, periods: 2, hasOffTrack: false, direction: 'lower_is_better' },
    ].map((sample) => ({
      run: { shortest: sample.periods, longest: sample.periods + 1 },
      ...sample,
      vendorName: 'V',
      contractNumber: 'C-1',
      contractTitle: 'T',
      departmentName: 'D',
      periodLabel: 'P',
      managerEmail: 'm@city.example',
      cityName: 'City',
      date: 'D1',
      period: '2026-03',
      value: '1',
      unit: 'u',
      quantity: 'Q',
      attachmentName: 'pack.pdf',
      endDate: 'E',
      daysLeft: sample.count,
      onTrack: sample.atRiskCount,
      evaluated: sample.count,
      percent: '50%',
      months: 12,
    }));

    /** Every message as [path, text], functions called with each sample. */
    function texts(node: unknown, path: string): [string, string][] {
      if (typeof node === 'string') return [[path, node]];
      if (typeof node === 'function') return SAMPLES.map((sample) => [path, String(node(sample))]);
      return Object.entries(node as object).flatMap(([key, child]) => texts(child, `${path}.${key}`));
    }

    it.each(EMAIL_LANGUAGES)('should have no empty message when the language is %s', (language) => {
      for (const [path, text] of texts(MESSAGES[language], language)) {
        expect([path, text.trim().length > 0]).toEqual([path, true]);
      }
    });

    it('should hold the same messages in every language when the catalogues are compared', () => {
      const paths = (language: EmailLanguage) => texts(MESSAGES[language], '').map(([path]) => path);
      expect(paths('es')).toEqual(paths('en'));
      expect(paths('pt')).toEqual(paths('en'));
    });
  });
});
