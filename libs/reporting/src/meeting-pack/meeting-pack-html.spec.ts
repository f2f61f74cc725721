import type { MeetingPack } from './meeting-pack.js';
import { renderMeetingPackHtml } from './meeting-pack-html.js';
import { trendMonths } from '#domain';

const MARKUP = `<script>alert("x")</script> & 'quoted'`;

/** A pack whose every text field carries markup. */
function packWithMarkup(): MeetingPack {
  return {
    department: { id: 'd', code: 'PW', name: `Works ${MARKUP}`, headEmail: 'head@city.example' },
    month: '2026-03',
    periods: ['2026-03', '2026-Q1'],
    trendMonths: trendMonths('2026-03'),
    withinGrace: { kpiPeriods: 0, lastDueAt: null, dueOn: null },
    headline: {
      activeContracts: 1,
      kpisEvaluated: 1,
      statusCounts: { on_track: 0, at_risk: 0, missing: 0, off_track: 1 },
      onTrackPercent: 0,
      notices: { off_track: 1, missing_data: 0, escalation: 0 },
      payments: { total: 10, diverse: 0, diversePercent: 0 },
    },
    contracts: [
      {
        contractId: 'c',
        number: `C-1 ${MARKUP}`,
        title: `Title ${MARKUP}`,
        vendorName: `Vendor ${MARKUP}`,
        status: 'off_track',
        kpis: [
          {
            name: `KPI ${MARKUP}`,
            unit: `<b>u</b>`,
            direction: 'higher_is_better',
            period: '2026-03',
            value: 1,
            target: 2,
            offTrackThreshold: 1.5,
            status: 'off_track',
          },
        ],
        trend: trendMonths('2026-03').map((month) => ({ month, status: null })),
      },
    ],
    notices: [
      {
        contractNumber: `C-1 ${MARKUP}`,
        kind: 'off_track',
        period: '2026-03',
        to: [`"<x>"@vendors.example`],
        cc: [],
        status: 'sent',
        sentAt: null,
      },
    ],
    missingKpis: [
      { contractNumber: 'C-1', vendorName: `V ${MARKUP}`, kpiName: `K ${MARKUP}`, unit: '', period: '2026-03' },
    ],
    diversity: [
      {
        contractNumber: 'C-1',
        title: `T ${MARKUP}`,
        vendorName: `V ${MARKUP}`,
        goalPercent: 20,
        paidTotal: 10,
        paidDiverse: 0,
        diversePercent: 0,
        goalMet: false,
      },
    ],
    trendPeriods: 4,
    worsening: [
      {
        contractId: 'c2',
        contractNumber: `C-2 ${MARKUP}`,
        vendorName: `V2 ${MARKUP}`,
        name: `Uptime ${MARKUP}`,
        unit: '%',
        direction: 'higher_is_better',
        period: '2026-03',
        value: 91,
        target: 95,
        offTrackThreshold: 90,
        status: 'at_risk',
        trend: { direction: 'worsening', projectedValue: 88.5, projectedPeriod: '2026-04' },
      },
    ],
    engagements: [
      {
        contractNumber: `C-1 ${MARKUP}`,
        vendorName: `V ${MARKUP}`,
        date: '2026-03-10',
        kind: 'site_visit',
        attendees: [`Ana ${MARKUP}`, 'ops@vendor.example'],
        actions: 2,
      },
    ],
  };
}

describe('meeting pack page', () => {
  const html = renderMeetingPackHtml(packWithMarkup(), { currency: 'USD', language: 'en' });

  it('should escape every value, leaving only its own tags', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<x>');
    expect(html).toContain('Works &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html.match(/&(?!(?:amp|lt|gt|quot|#39);)/g)).toBeNull();
    const tag =
      /^<(?:!DOCTYPE html>|\/?(?:html|head|meta|title|style|body|main|h1|h2|h3|p|table|caption|thead|tbody|tr|th|td)[\s>])/;
    for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', index + 1)) {
      expect(html.slice(index, index + 20)).toMatch(tag);
    }
  });

  it("should list each contract's recent engagements in words", () => {
    expect(html).toContain('Recent engagements with vendors');
    expect(html).toContain('<td>Site visit</td>');
    expect(html).toContain('<td>March 10, 2026</td>');
    expect(html).toContain('Ana &lt;script&gt;');
    expect(renderMeetingPackHtml(packWithMarkup(), { currency: 'USD', language: 'es' })).toContain('Visita de obra');
    expect(renderMeetingPackHtml(packWithMarkup(), { currency: 'USD', language: 'pt' })).toContain('Visita técnica');
  });

  it('should load nothing from elsewhere and run nothing', () => {
    expect(html).not.toMatch(/<(?:script|link|img|iframe)\b|\ssrc=|\shref=|\son\w+=|url\(/i);
  });

  it('should list the KPIs heading off track with their projected value and period', () => {
    expect(html).toContain('Early warning: KPIs heading off track');
    expect(html).toContain('last 4 values');
    expect(html).toContain('<td class="off-track">88.5%</td><td>2026-04</td>');
    expect(html).toContain('Uptime &lt;script&gt;');
  });

  it('should say so when no KPI is heading off track', () => {
    const calm = renderMeetingPackHtml({ ...packWithMarkup(), worsening: [] }, { currency: 'USD', language: 'pt' });
    expect(calm).toContain('Nenhum indicador tende a sair da meta.');
  });

  it('should write amounts in the currency it is given', () => {
    expect(renderMeetingPackHtml(packWithMarkup(), { currency: 'EUR', language: 'en' })).toContain('€10.00');
  });
});
